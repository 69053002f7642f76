// A local OpenID Connect provider for the demo's "Sign in with Kent Police" and the SSO tests:
// panva's node-oidc-provider (an OpenID Certified implementation), on 127.0.0.1 only, with the
// clients and demo accounts from a JSON file, and a plain sign-in page of its own.
//
//   node scripts/oidc-provider.mjs scripts/oidc-demo.json
//
// The JSON file holds: host (127.0.0.1), port (0 picks a free one), clients ([{client_id,
// client_secret, redirect_uris, tamper?}]) and accounts ([{email, password, given_name,
// family_name, email_verified}]). Once listening it prints one line of JSON, {"issuer": ...}.
//
// `tamper` is for the tests only: {"aud": "..."} or {"iss": "..."} re-signs that client's ID
// tokens with a wrong audience or issuer, as a misconfigured or hostile provider would.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const host = config.host || '127.0.0.1';
if (host !== '127.0.0.1' && host !== 'localhost') {
  throw new Error('This provider is for local demos and tests: it listens on 127.0.0.1 only.');
}

const accounts = new Map(config.accounts.map((a) => [a.email.toLowerCase(), a]));
const tampering = new Map(
  config.clients.filter((c) => c.tamper).map((c) => [c.client_id, c.tamper]),
);
const clients = config.clients.map(({ tamper, ...client }) => ({
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
  ...client,
}));

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'local-demo', alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => { server.listen(config.port || 0, host, resolve); });
const issuer = config.issuer || `http://${host}:${server.address().port}`;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, clientName, error = '', email = '') {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Sign in – local identity provider</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;font-size:1.1rem;margin:.4rem 0}input{width:100%;padding:.4rem}
button{padding:.5rem 1rem}.error{color:#d4351c;font-weight:bold}</style></head><body>
<p>Local identity provider (demo and tests only)</p>
<h1>Sign in to ${escape(clientName)}</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="email">Work email address</label>
<input id="email" name="email" type="email" autocomplete="username" value="${escape(email)}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form></body></html>`;
}

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: [Buffer.from(issuer).toString('base64url')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: false } },
  // Every client here is ours: PKCE is always required, consent is implied.
  pkce: { required: () => true },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  async findAccount(ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: account.email,
          email_verified: account.email_verified !== false,
          given_name: account.given_name,
          family_name: account.family_name,
          name: `${account.given_name} ${account.family_name}`,
        };
      },
    };
  },
  ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 300, AuthorizationCode: 60, IdToken: 300 },
});

// The sign-in page and its form.
provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (!match) return next();
  ctx.set('cache-control', 'no-store');
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const client = await provider.Client.find(details.params.client_id);
  const clientName = client?.clientName || 'the Academy';
  if (ctx.method === 'GET' && !match[2]) {
    ctx.type = 'html';
    ctx.body = page(details.uid, clientName);
    return undefined;
  }
  if (ctx.method !== 'POST' || !match[2]) return next();
  const form = await formBody(ctx.req);
  const email = (form.get('email') || '').trim().toLowerCase();
  const account = accounts.get(email);
  if (!account || account.password !== form.get('password')) {
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = page(details.uid, clientName, 'That email address or password is not right.', email);
    return undefined;
  }
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: email } }, {
    mergeWithLastSubmission: false,
  });
  ctx.respond = false;
  return undefined;
});

// Tests only: re-sign a client's ID token with a wrong audience or issuer.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) return;
  const tamper = tampering.get(ctx.oidc?.client?.clientId);
  if (!tamper) return;
  const claims = { ...decodeJwt(ctx.body.id_token), ...tamper };
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'JWT' })
    .sign(privateKey);
  ctx.body = { ...ctx.body, id_token: idToken };
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
