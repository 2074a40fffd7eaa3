// n8n's engine logs every node error through its own logger (winston, to the console), which
// buries a failing test under hundreds of lines. The tests read errors from the run instead.
process.env.N8N_LOG_LEVEL = 'silent';
