/** `npm run sandbox`: the sandbox alone, for trying clients against it. */
import { startSandbox } from './server';
import { DEMO_TOTP_SECRET } from './totp';

const port = Number(process.env.PORT ?? 0);
const sandbox = await startSandbox({ port: Number.isInteger(port) ? port : 0 });
console.log(`mittwald v1 sandbox at ${sandbox.url}`);
console.log('  demo / demo        plain account');
console.log(`  mfa-demo / demo    asks for a TOTP code (secret ${DEMO_TOTP_SECRET})`);
console.log('  device-demo / demo asks a new device for a PIN, "mailed" here and at');
console.log(`                     ${sandbox.url}/_sandbox/mailbox/device-demo`);
sandbox.world.onMail = (mail) => console.log(`mail to ${mail.to}: ${mail.body}`);
console.log(`mittwald v2 (mStudio) sandbox at ${sandbox.v2.url} (paths /v2/...)`);
console.log('  studio-demo@example.com / demo  plain account');
console.log(`  studio-mfa@example.com / demo   asks for a TOTP code (secret ${DEMO_TOTP_SECRET})`);
console.log('                                  or a recovery code: recovery-0001, recovery-0002');
console.log('Ctrl+C stops it.');
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
