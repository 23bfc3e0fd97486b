"""text_pipeline: TextVectorization's string steps on 100,000 short sentences, as tf.strings
ops: ``lower`` -> ``regex_replace`` (Keras' punctuation pattern) -> ``split`` (a RaggedTensor of
tokens) -> ``to_hash_bucket_fast(tokens, 1000)``.  Raw torch has no strings: its column is the
same steps as a plain Python loop (``bytes.lower``, ``re.sub``, ``bytes.split``, FarmHash per
distinct token with the scalar ``fingerprint64``).  The target that matters is TensorFlow's
figure: torchkeras no slower than TF."""

import random
import re

DESCRIPTION = "lower -> regex_replace -> split -> to_hash_bucket_fast: 100,000 short strings"
UNIT = "ms"
TARGET = None
REPEATS = 5
THREADS = None
_BUCKETS = 1000
_PUNCTUATION = r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']'


def _data(smoke):
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    marks = ["", "", "", ",", ".", "!", "?", "'s"]
    rows = 1000 if smoke else 100_000
    out = []
    for _ in range(rows):
        sentence = []
        for _ in range(rng.randint(4, 12)):
            word = rng.choice(words) + rng.choice(marks)
            sentence.append(word.capitalize() if rng.random() < 0.2 else word)
        out.append(" ".join(sentence))
    return out


def torch_version(smoke, device):
    from torchkeras.ops.string_hash import fingerprint64

    data = [s.encode() for s in _data(smoke)]
    punctuation = re.compile(_PUNCTUATION.encode())

    def run():
        cache = {}
        out = []
        for text in data:
            row = []
            for token in punctuation.sub(b"", text.lower()).split():
                bucket = cache.get(token)
                if bucket is None:
                    bucket = cache[token] = fingerprint64(token) % _BUCKETS
                row.append(bucket)
            out.append(row)
        return out

    return run


def tf_version(tf, smoke):
    strings = tf.constant(_data(smoke))

    def run():
        text = tf.strings.lower(strings)
        text = tf.strings.regex_replace(text, _PUNCTUATION, "")
        tokens = tf.strings.split(text)
        return tf.strings.to_hash_bucket_fast(tokens, _BUCKETS)

    return run
