# Runs the "Copy as code" snippets the node tests send, in one process per library (importing
# torch takes seconds): stdin is a JSON list of { "code", "result" }; each snippet runs in a fresh
# namespace with its printing silenced, and stdout gets one JSON list of its result variables as
# nested lists of floats (float32 values are exact in a double), or { "error": traceback }.
import contextlib
import io
import json
import sys
import traceback

out = []
for case in json.load(sys.stdin):
    namespace = {}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(case["code"], namespace)
        out.append(namespace[case["result"]].tolist())
    except Exception:
        out.append({"error": traceback.format_exc()})
json.dump(out, sys.stdout)
