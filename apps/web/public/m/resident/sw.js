/* The resident app's service worker: the shared shell logic, scoped to this folder. */
importScripts('../sw-shell.js');
