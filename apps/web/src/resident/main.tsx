import { startH5App } from '../shared/h5/startH5App.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ResidentHome } from './ResidentHome.tsx';
import { ResidentLogin } from './ResidentLogin.tsx';
import { ResidentMe } from './ResidentMe.tsx';

startH5App({
  kind: 'resident',
  titleKey: 'h5.residentApp',
  primary: '#13a8a8',
  login: <ResidentLogin />,
  home: <ResidentHome />,
  me: <ResidentMe />,
  publicRoutes: [{ path: '/register', element: <RegisterPage /> }],
});
