import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';

// Builds land beside the functions in the repo-level dist/, where project.config.json points.
const repoRoot = path.resolve(__dirname, '..', '..');
const tsconfigFile = path.resolve(__dirname, '..', 'tsconfig.json');

export default defineConfig<'webpack5'>(() => {
  const env = process.env.TARO_ENV ?? 'h5';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'jiayi-qianyue',
    date: '2026-11-25',
    // NutUI is drawn at 375; our own styles at 750 (TOOLCHAIN.md).
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? String(input.file).replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.join(repoRoot, 'dist', env),
    plugins: [],
    defineConstants: {
      // The CloudBase env id is injected at build time; the committed default is a placeholder.
      CLOUD_ENV_ID: JSON.stringify(process.env.JY_CLOUD_ENV ?? '{{envId}}'),
      GATEWAY_BASE: JSON.stringify(process.env.JY_GATEWAY_BASE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // shared/ is TypeScript outside sourceRoot: compile it like the app's own files.
      compile: { include: [path.join(repoRoot, 'shared')] },
      // Per-component NutUI styles arrive in different orders on different pages; none overrides another.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [{ configFile: tsconfigFile }]);
      },
    },
    h5: {
      compile: { include: [path.join(repoRoot, 'shared')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [{ configFile: tsconfigFile }]);
        // Sizes are measured and budgeted by scripts/size-report.ts (raw and gzip), not webpack's 244 KB hint.
        chain.performance.hints(false);
      },
    },
  };
  return config;
});
