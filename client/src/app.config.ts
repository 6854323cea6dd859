// Resident tabs live in the main package; staff work areas are sub-packages (分包) so the main
// package that every resident downloads stays small.
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/sign/index',
    'pages/booking/index',
    'pages/health/index',
    'pages/me/index',
    'pages/login/index',
    'pages/realname/index',
    'pages/family/index',
    'pages/privacy/index',
    'pages/contract/index',
    'pages/appointments/index',
    'pages/home-visit/index',
    'pages/article/index',
    'pages/messages/index',
  ],
  subPackages: [
    {
      root: 'packages/doctor',
      name: 'doctor',
      pages: [
        'pages/index/index',
        'pages/contracts/index',
        'pages/agenda/index',
        'pages/worklist/index',
        'pages/resident/index',
        'pages/grid-reports/index',
        'pages/consult/index',
      ],
    },
    {
      root: 'packages/grid',
      name: 'grid',
      pages: ['pages/index/index', 'pages/scan/index', 'pages/mine/index', 'pages/reports/index'],
    },
    {
      root: 'packages/admin',
      name: 'admin',
      pages: [
        'pages/index/index',
        'pages/schedule/index',
        'pages/plates/index',
        'pages/dashboard/index',
        'pages/staff/index',
      ],
    },
    // Binding is done once by a future staff member, so it stays out of the resident main package.
    { root: 'packages/staff', name: 'staff', pages: ['pages/bind/index'] },
    // The multi-step signing flow (agreement renderer, signature pad) stays out of the main package.
    { root: 'packages/sign', name: 'sign', pages: ['pages/flow/index'] },
    // Health-education authoring, review, push, reach and live sessions (doctors and admins).
    {
      root: 'packages/edu',
      name: 'edu',
      pages: [
        'pages/list/index',
        'pages/editor/index',
        'pages/push/index',
        'pages/reach/index',
        'pages/live/index',
      ],
    },
    // Consulting one's signed team (issue 18): reached by a link from 我的签约.
    { root: 'packages/consult', name: 'consult', pages: ['pages/index/index'] },
  ],
  // Only the components a page renders are injected at run time (WeChat's lazy code loading).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0f7b6c',
    navigationBarTitleText: '家医签约',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5c6670',
    selectedColor: '#0f7b6c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/sign/index',
        text: '签约',
        iconPath: 'assets/tab/sign.png',
        selectedIconPath: 'assets/tab/sign-active.png',
      },
      {
        pagePath: 'pages/booking/index',
        text: '预约',
        iconPath: 'assets/tab/booking.png',
        selectedIconPath: 'assets/tab/booking-active.png',
      },
      {
        pagePath: 'pages/health/index',
        text: '健康',
        iconPath: 'assets/tab/health.png',
        selectedIconPath: 'assets/tab/health-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
