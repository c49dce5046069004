export const id = 768;
export const ids = [768];
export const modules = {

/***/ 2768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditGate: () => (/* binding */ auditGate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const auditGate = {
    name: 'audit',
    async run() {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateUnavailableError */ .ep('the audit gate has not landed in this build yet; nothing was checked');
    },
};


/***/ })

};
