package document

// RawChunkTokens is the most tokens a chunk packs; more are kept as they are.
const RawChunkTokens = rawChunkTokens
