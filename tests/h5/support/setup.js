// Constants the Taro H5 build injects with DefinePlugin; jest has no build step, so set them here.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  GATEWAY_BASE: '',
  CLOUD_ENV_ID: 'test-env',
});
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

// jsdom has no canvas implementation (and logs an error when asked for one); components must
// already cope with a missing 2D context, so answer that directly.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = () => null;
}
