export const id = 330;
export const ids = [330];
export const modules = {

/***/ 5330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   testExistenceGate: () => (/* binding */ testExistenceGate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const testExistenceGate = {
    name: 'test-existence',
    async run() {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateUnavailableError */ .ep('the test-existence gate has not landed in this build yet; nothing was checked');
    },
};


/***/ })

};
