// babel-preset-taro handles JSX, TS and the platform API transforms for both targets.
// NutUI on demand: `import { Button } from '@nutui/nutui-react-taro'` becomes the component's own
// module plus its own stylesheet, so the main package carries only the styles of components it
// uses (the full stylesheet alone was 232 KB). Component styles fall back to built-in defaults
// when a theme variable is unset, so nothing relies on the global sheet.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
