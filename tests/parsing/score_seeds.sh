#!/bin/sh
# Parse the annotated letters in seeds/ and score them field by field (SCHEMA.md):
#   tests/parsing/score_seeds.sh [--show N]
cd "$(dirname "$0")/../.." || exit 1
.venv/bin/python -c "import json,sys,pathlib; from imr_archive.parsing import parse_text, extract_text; print(json.dumps([parse_text(extract_text(pathlib.Path(f).read_bytes(), f), file=pathlib.Path(f).name).to_dict() for f in sys.argv[1:]]))" seeds/*.txt > /tmp/parsed.json || exit 1
exec python3 /work/shared/corpus/score.py seeds /tmp/parsed.json --show 40 "$@"
