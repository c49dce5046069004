export const id = 545;
export const ids = [545];
export const modules = {

/***/ 5545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   branchProtectionGate: () => (/* binding */ branchProtectionGate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const branchProtectionGate = {
    name: 'branch-protection',
    async run() {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateUnavailableError */ .ep('the branch-protection gate has not landed in this build yet; nothing was checked');
    },
};


/***/ })

};
