// Imported before bullmq: msgpackr (bullmq's encoder) then never tries to load msgpackr-extract, a
// prebuilt native binary the project does not install (package.json `allowScripts`, docs/adr).
// Its pure-JavaScript decoder gives the same results.
process.env.MSGPACKR_NATIVE_ACCELERATION_DISABLED = 'true';
export {};
