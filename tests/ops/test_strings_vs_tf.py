"""``tf.strings`` against real TensorFlow 2.21: values, dtypes, shapes, printed text and errors
(class and message) of every op, run on both in the same test."""

import pytest
from oracle_compare import assert_same, run

import torchkeras

ELEMENTWISE = [
    "tf.strings.lower(1)",
    "tf.strings.lower(tf.constant(1))",
    "tf.strings.lower(['AbC', 'ÄÖ'])",
    "tf.strings.lower(['AbC', 'ÄÖ'], encoding='utf-8')",
    "tf.strings.upper(['AbC', 'äöß'], encoding='utf-8')",
    "tf.strings.upper([[b'ab\\x00'], [b'\\xffz']])",
    "tf.strings.lower(['AbC'], encoding='latin1')",
    "tf.strings.upper('x', encoding='UTF-8')",
    "tf.strings.strip([' a b \\t\\n', '\\x0b x\\x0c', '', '\\x00 '])",
    "tf.strings.strip(tf.constant([1.0]))",
    "tf.strings.length(['héllo', ''])",
    "tf.strings.length('héllo', unit='UTF8_CHAR')",
    "tf.strings.length([[b'\\xff\\xfe a', b'\\xe2\\x82']], unit='UTF8_CHAR')",
    "tf.strings.length(['héllo'], unit='foo')",
    "tf.strings.length(tf.constant([1.0]))",
    "tf.strings.join(['a', ['b', 'c']], separator='-')",
    "tf.strings.join([['a', 'x'], ['b', 'c', 'd']])",
    "tf.strings.join([['a', 'x'], ['b']])",
    "tf.strings.join([[['a']], ['b']])",
    "tf.strings.join([])",
    "tf.strings.join(['a'])",
    "tf.strings.join('abc')",
    "tf.strings.join([1, 2])",
    "tf.strings.join([tf.constant(1)])",
    "tf.strings.join(['a', tf.constant(1)])",
    "tf.strings.join([['a', 'b'], 'x', ['c', 'd']], separator=b', ')",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']])",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=1, separator='.')",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=-1, keepdims=True)",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], keepdims=True)",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=2)",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=-3)",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=[0, 1])",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=[1, 0])",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=[])",
    "tf.strings.reduce_join(tf.reshape(tf.constant(list('abcdefghijkl')), [2, 3, 2]), axis=[2, 0])",
    "tf.strings.reduce_join(tf.zeros([0, 3], tf.string), axis=0)",
    "tf.strings.reduce_join(tf.zeros([0, 3], tf.string), axis=1)",
    "tf.strings.reduce_join('abc')",
    "tf.strings.reduce_join(tf.constant(1))",
    "tf.strings.substr('hello', 1, 3)",
    "tf.strings.substr('hello', 7, 3)",
    "tf.strings.substr('hello', -2, 3)",
    "tf.strings.substr('hello', -7, 3)",
    "tf.strings.substr('hello', 5, 3)",
    "tf.strings.substr(['hello', 'hi'], [1, 2], [3, 1])",
    "tf.strings.substr(['hello', 'hi'], [1, 3], [3, 1])",
    "tf.strings.substr(['hello', 'hi'], 1, -1)",
    "tf.strings.substr('héllo', 1, 2, unit='UTF8_CHAR')",
    "tf.strings.substr('héllo', -2, 5, unit='UTF8_CHAR')",
    "tf.strings.substr('héllo', 9, 2, unit='UTF8_CHAR')",
    "tf.strings.substr([['hello', 'hi']], [1, 0], [3, 1])",
    "tf.strings.substr(['hello', 'hi'], [1, 0, 2], [3, 1, 1])",
    "tf.strings.substr('hello', 1.0, 3)",
    "tf.strings.substr('hello', tf.constant(1, tf.int64), 3)",
    "tf.strings.substr('hello', 1, tf.constant(3, tf.int64))",
    "tf.strings.substr('hello', tf.constant(1, tf.int64), tf.constant(3))",
    "tf.strings.substr('hello', 0, 1, unit='CHAR')",
    "tf.strings.substr(tf.constant(1), 0, 1)",
    "tf.strings.unsorted_segment_join(['a', 'b', 'c', 'd'], [1, 0, 1, -1], 3, separator=':')",
    "tf.strings.unsorted_segment_join([['a', 'b'], ['c', 'd']], [1, 1], 2)",
    "tf.strings.unsorted_segment_join(['a', 'b'], [0, 2], 2)",
    "tf.strings.unsorted_segment_join(['a', 'b'], [0, 0, 1], 2)",
]

REGEX = [
    "tf.strings.regex_replace(['aXbXc', 'x'], 'X', '-')",
    "tf.strings.regex_replace(['aXbXc', 'x'], 'X', '-', replace_global=False)",
    "tf.strings.regex_replace(['ab12cd'], r'(\\d)(\\d)', r'\\2\\1')",
    "tf.strings.regex_replace(['ab12cd'], r'(\\d)(\\d)', r'<\\0>')",
    "tf.strings.regex_replace(['ab12cd'], r'(\\d', 'x')",
    "tf.strings.regex_replace(['ab12cd'], r'\\d)', 'x')",
    "tf.strings.regex_replace(['ab12cd'], r'[ab', 'x')",
    "tf.strings.regex_replace(['ab12cd'], r'*a', 'x')",
    "tf.strings.regex_replace(['ab12cd'], r'(\\d)', r'\\2')",
    "tf.strings.regex_replace(['ab12cd'], r'', '-')",
    "tf.strings.regex_replace(['abc'], r'x*', '-')",
    "tf.strings.regex_replace(['ab12cd'], tf.constant(r'\\d'), 'x')",
    "tf.strings.regex_replace(['ab12cd'], [r'\\d'], 'x')",
    "tf.strings.regex_replace(['ab12cd'], r'\\d', ['x'])",
    "tf.strings.regex_replace(['ab12cd'], r'(?P<n>\\d)', 'x')",
    "tf.strings.regex_replace(['a$b'], r'\\$', r'\\\\')",
    "tf.strings.regex_replace(['héllo wörld'], r'.', 'x')",
    "tf.strings.regex_replace(['héllo wörld'], r'\\w+', '<\\0>')",
    "tf.strings.regex_replace(['a\\n', 'a'], r'a$', 'X')",
    "tf.strings.regex_replace(['a b\\tc\\x0bd'], r'\\s', '_')",
    "tf.strings.regex_replace(['ab1,;C'], r'[[:punct:]]', '')",
    "tf.strings.regex_replace(['ab1,;C'], r'[^[:alpha:]]', '')",
    "tf.strings.regex_replace(['x]y'], r'[]]', '-')",
    "tf.strings.regex_replace(['abcabc'], r'c\\z', 'Z')",
    "tf.strings.regex_replace(tf.constant(1), 'a', 'b')",
    "tf.strings.regex_replace('Hello, World!', r'[!\"#$%&()\\*\\+,-\\./:;<=>?@\\[\\\\\\]^_`{|}~\\']', '')",
    "tf.strings.regex_full_match(['abc', 'ab', 'x'], 'ab.?')",
    "tf.strings.regex_full_match(['abc'], '(ab')",
    "tf.strings.regex_full_match(['abc'], ['a.c'])",
    "tf.strings.regex_full_match(['abc'], tf.constant('a.c'))",
    "tf.strings.regex_full_match(['é', 'éé'], '.')",
    "tf.strings.regex_full_match([['a\\n']], 'a$')",
    "tf.strings.regex_full_match(tf.constant(1.0), 'a')",
]

CALLS = ELEMENTWISE + REGEX


def _outcome(module, expression):
    kind, value = run(module, expression)
    if kind == "ok" and hasattr(value, "dtype") and not isinstance(value, tuple):
        return kind, value
    return kind, value


@pytest.mark.parametrize("expression", CALLS)
def test_strings_match_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    tf_outcome = run(tf_real, expression)
    tk_outcome = run(torchkeras, expression)
    assert_same(expression, tf_outcome, tk_outcome)
    if tf_outcome[0] == "ok":
        assert repr(tk_outcome[1]) == repr(tf_outcome[1])
