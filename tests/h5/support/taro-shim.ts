// @tarojs/taro for jsdom: the real H5 API implementation (storage on localStorage, navigation
// through the H5 router), which is what the H5 build ships. In the build, a babel plugin rewrites
// `Taro.getStorageSync` into named imports of @tarojs/taro-h5; here the default export is the
// same merge of Taro's core object and the named H5 APIs.
import * as TaroH5 from '@tarojs/taro-h5';

const core = (TaroH5 as unknown as { default?: object }).default ?? {};
const Taro = Object.assign(Object.create(core), TaroH5) as typeof TaroH5;
export default Taro;
export * from '@tarojs/taro-h5';
