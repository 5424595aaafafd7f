"""manage.py parse_letter FILE... : show what the parser reads, without storing anything."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imr_archive.letters.ingest import RejectedLetter, read_file, read_letter
from imr_archive.parsing import ParsedLetter


class Command(BaseCommand):
    help = "Parse letter files and print the result: a readable summary, or with --json the SCHEMA.md array."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="Letter files (.txt or .pdf).")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="Print a JSON array, one object per file in the order given.")

    def handle(self, *args, files: list[Path], as_json: bool, **options) -> None:
        parsed: list[ParsedLetter] = []
        failures = 0
        for path in files:
            data, reason = read_file(path)
            try:
                if reason:
                    raise RejectedLetter(reason)
                parsed.append(read_letter(data, str(path)))
            except RejectedLetter as error:
                failures += 1
                self.stderr.write(f"FAILED {path}: {error}")
        if as_json:
            self.stdout.write(json.dumps([p.to_dict() for p in parsed], indent=2))
        else:
            for letter in parsed:
                self.stdout.write(summary(letter))
        if failures:
            raise CommandError(f"{failures} file(s) could not be parsed", returncode=1)


def summary(letter: ParsedLetter) -> str:
    d = letter.dates
    lines = [
        f"{letter.file}: {letter.format} letter, case {letter.case_number or 'not stated'}",
        f"  decided {d.decision or '?'}, injury {d.injury or '?'}, UR denial {d.ur_denial or '?'}",
        f"  reviewer: {letter.reviewer.specialty or '?'}"
        + (f" ({letter.reviewer.subspecialty})" if letter.reviewer.subspecialty else ""),
        f"  patient: {letter.patient.age or '?'} years, {letter.patient.sex or '?'}",
        f"  diagnoses: {'; '.join(letter.diagnoses) or 'none read'}",
        f"  records reviewed: {'; '.join(r.text for r in letter.records_reviewed) or 'none listed'}",
    ]
    for n, issue in enumerate(letter.issues, start=1):
        stated = "" if issue.outcome_stated else " (read from the rationale)"
        lines.append(f"  {n}. {issue.treatment} [{issue.category}]: {issue.outcome}{stated}")
        for cite in issue.citations:
            pages = f" p. {', '.join(map(str, cite.pages))}" if cite.pages else ""
            lines.append(f"     - {cite.source}: {cite.guideline}{' ' + cite.chapter if cite.chapter else ''}{pages}")
    lines += [f"  warning: {w}" for w in letter.warnings]
    return "\n".join(lines)
