// babel-preset-taro handles JSX, TS and the platform API transforms for both targets.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
