"""Records real TensorFlow's outcome of every bad-input case in ``expected.json``, or compares
torchkeras' outcomes with it and prints the agreement.

    ~/tfref/bin/python -m tests.bad_input.record            # TF's outcomes -> expected.json
    ~/tfref/bin/python -m tests.bad_input.record --missing  # only the cases it lacks
    python -m tests.bad_input.record --report               # torchkeras vs expected.json
    python -m tests.bad_input.record --report --write-known # and -> known_differences.json
"""

import argparse
import json
import os
import pathlib
import warnings

from .cases import all_cases
from .outcome import differences, run_case

EXPECTED = pathlib.Path(__file__).with_name("expected.json")
KNOWN = pathlib.Path(__file__).with_name("known_differences.json")


def record(missing_only=False):
    """TF's outcome of every case (with ``missing_only``: of the cases ``expected.json`` lacks),
    written to ``expected.json``."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    import tensorflow as tf

    outcomes = json.loads(EXPECTED.read_text()) if missing_only else {}
    for source, state in all_cases():
        if source in outcomes:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            outcomes[source] = run_case(source, state, tf, keras)
    EXPECTED.write_text(json.dumps(outcomes, indent=1, sort_keys=True) + "\n")
    print("recorded %d cases from TensorFlow %s" % (len(outcomes), tf.__version__))


def report(write_known=False):
    """torchkeras' agreement with ``expected.json``: counts, and each disagreeing case (written
    to ``known_differences.json`` with ``write_known``)."""
    import torchkeras as tf
    from torchkeras import keras

    expected = json.loads(EXPECTED.read_text())
    disagree = []
    for source, state in all_cases():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = run_case(source, state, tf, keras)
        found = differences(ours, expected[source])
        if found:
            disagree.append((source, found))
    for source, found in disagree:
        print("%s\n    %s" % (source, "\n    ".join(found)))
    if write_known:
        known = {source: "; ".join(found)[:200] for source, found in disagree}
        KNOWN.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n")
    total = len(expected)
    print(
        "%d cases, %d agree with TensorFlow (%.1f %%)"
        % (total, total - len(disagree), 100.0 * (total - len(disagree)) / total)
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="compare torchkeras instead")
    parser.add_argument("--write-known", action="store_true", help="with --report: record them")
    parser.add_argument("--missing", action="store_true", help="record only unrecorded cases")
    arguments = parser.parse_args()
    if arguments.report:
        report(arguments.write_known)
    else:
        record(arguments.missing)
