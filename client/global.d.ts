/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';
declare module '*.css';

// Build-time constants from config/index.ts defineConstants.
declare const CLOUD_ENV_ID: string;
declare const GATEWAY_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}
