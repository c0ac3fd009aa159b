// Entry of the import worker thread (webpack bundles it as dist/apps/api/import-thread.js): files are
// parsed and rows checked there, off the event loop of the API or queue worker. See ImportThread.
import './app/imports/thread/thread-main';
