// esbuild entry: the parts of @tifa/core the bench calls in-process, bundled to .work/core.cjs by lib/bundle.mjs.
export * from '@tifa/core';
export * from '@tifa/core/node';
