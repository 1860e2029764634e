/** The part of Express's `compression` middleware used by src/lib/tooling/static-server.ts (it ships no types). */
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	interface CompressionOptions {
		/** Smallest response, in bytes, that is compressed (default 1 KB). */
		threshold?: number | string;
	}
	export default function compression(options?: CompressionOptions): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}
