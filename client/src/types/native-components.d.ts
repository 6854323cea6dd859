// Native WeChat components rendered from React on weapp (augments React's JSX, not replaces it).
import 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'status-badge': { label: string; tone: string; large?: boolean };
    }
  }
}
