// Uploads FILE to the tus ENDPOINT with tus-js-client in 5 MiB chunks. With ABORT_AT > 0 it stops
// once that many bytes are acknowledged, as a killed process would; run again with 0 it finds the
// upload in the URL store and goes on from the offset the server holds.
// Prints: "RESUMING <url>", "FIRST <bytes acknowledged at the first progress report>",
// "ABORTED <bytes>", "DONE <url>".
import { Upload, FileUrlStorage } from 'tus-js-client';
import fs from 'node:fs';

const [file, endpoint, token, storePath, abortAtText] = process.argv.slice(2);
const abortAt = Number(abortAtText);
const size = fs.statSync(file).size;
let first = true;

const upload = new Upload(fs.createReadStream(file), {
  endpoint,
  chunkSize: 5 * 1024 * 1024,
  uploadSize: size,
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: 'from-tus-js.bin' },
  urlStorage: new FileUrlStorage(storePath),
  fingerprint: async () => `ft-test:${file}:${size}`,
  storeFingerprintForResuming: true,
  removeFingerprintOnSuccess: true,
  retryDelays: [],
  onChunkComplete: (chunk, accepted) => {
    if (first) {
      console.log(`FIRST ${accepted - chunk}`);
      first = false;
    }
    if (abortAt > 0 && accepted >= abortAt) {
      upload.abort().then(() => {
        console.log(`ABORTED ${accepted}`);
        process.exit(0);
      });
    }
  },
  onSuccess: () => console.log(`DONE ${upload.url}`),
  onError: (error) => {
    console.error(`ERROR ${error}`);
    process.exit(1);
  },
});

const previous = await upload.findPreviousUploads();
if (previous.length > 0) {
  upload.resumeFromPreviousUpload(previous[0]);
  console.log(`RESUMING ${previous[0].uploadUrl}`);
}
upload.start();
