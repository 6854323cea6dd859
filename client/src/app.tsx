import '@nutui/nutui-react-taro/dist/style.css';
import './app.scss';
import type { PropsWithChildren } from 'react';
import { initTransport } from './services/transport';
import { ThemeProvider } from './theme/theme';

initTransport();

function App({ children }: PropsWithChildren) {
  return <ThemeProvider>{children}</ThemeProvider>;
}

export default App;
