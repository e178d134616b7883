// The entry of dist/kube/index.js: @kubernetes/client-node bundled on its own (see connection.ts).
export * from '@kubernetes/client-node';
