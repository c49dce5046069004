export const id = 227;
export const ids = [227];
export const modules = {

/***/ 2227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   secretScanGate: () => (/* binding */ secretScanGate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const secretScanGate = {
    name: 'secret-scan',
    async run() {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateUnavailableError */ .ep('the secret-scan gate has not landed in this build yet; nothing was checked');
    },
};


/***/ })

};
