/** The local receivers, under the name tests and the bench import. */
export { startReceiver, type LocalReceiver, type Received } from './receiver.ts'
