// Worker threads start without the main thread's module hooks: register tsx
// so that the TypeScript sources load, as bin/chidao.js does.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
