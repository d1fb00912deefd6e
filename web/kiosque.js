// Kiosque's loader: the one script a page includes. It loads the WebAssembly next to itself
// (not next to the host page) and starts a widget in every [data-kiosque] element.
import init from "./kiosque-core.js";

init();
