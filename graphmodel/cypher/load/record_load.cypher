// One entry of the load history (Store.history): a GraphmodelLoad node, outside the schema's
// labels, so the graph view, stats and queries never see it. $tables is JSON text.
CREATE (:GraphmodelLoad {
  at: $at, seq: $seq, ledger: $ledger, hash: $hash,
  added: $added, changed: $changed, removed: $removed, tables: $tables
})
