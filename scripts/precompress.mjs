// Writes a gzip (.gz) and a brotli (.br) copy beside each built JS, wasm, CSS and SVG file,
// so the server sends compressed files without compressing on every request. Node's zlib
// does both; node is already needed for wasm-opt (npm binaryen) and the browser tests.
//
//   node scripts/precompress.mjs DIR...
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".html"]);

function fresh(source, copy) {
  try {
    return statSync(copy).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}

let written = 0;
for (const dir of process.argv.slice(2)) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    continue;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile() || !COMPRESSIBLE.has(path.extname(name))) continue;
    const data = readFileSync(file);
    if (!fresh(file, file + ".gz")) {
      writeFileSync(file + ".gz", gzipSync(data, { level: 9 }));
      written++;
    }
    if (!fresh(file, file + ".br")) {
      const text = path.extname(name) !== ".wasm";
      writeFileSync(
        file + ".br",
        brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      );
      written++;
    }
  }
}
console.error(`precompress: ${written} file(s) written`);
