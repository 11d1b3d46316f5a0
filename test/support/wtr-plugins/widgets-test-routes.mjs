// Tiny routes for the widget tests (test/widgets): a token endpoint as an embedding site would
// have one, and a fake `/v1/me` that echoes what the client sent, so a test can see which base URL
// and which token a request really carried.
//
//   GET /__prm-widgets/token?seed=abc   → { token: "abc-<n>", expiresAt: in one hour }, n counting per seed
//   GET /__prm-widgets/api/<label>/v1/me → a valid Me whose user.name is the Authorization header
//                                         and whose user.email is <label>@example.com

const issued = new Map();

const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });

export const plugins = [
  {
    name: 'prm-widgets-test-routes',
    serve(context) {
      const url = new URL(context.url, 'http://localhost');
      if (url.pathname === '/__prm-widgets/token') {
        const seed = url.searchParams.get('seed') ?? 'token';
        const n = (issued.get(seed) ?? 0) + 1;
        issued.set(seed, n);
        return json({
          token: `${seed}-${n}`,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        });
      }
      const me = /^\/__prm-widgets\/api\/([\w-]+)\/v1\/me$/.exec(url.pathname);
      if (me) {
        return json({
          user: {
            id: 'usr_echo',
            name: context.get('authorization') || '(none)',
            email: `${me[1]}@example.com`,
            role: 'partner_user',
          },
          partner: null,
        });
      }
      return undefined;
    },
  },
];
