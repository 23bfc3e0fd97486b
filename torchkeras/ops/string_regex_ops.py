"""``tf.strings.regex_replace`` and ``tf.strings.regex_full_match``: TF's RE2 regexes run on
Python's ``re``.

RE2 patterns are translated where the two engines read the same text differently: ``\\z`` is
Python's ``\\Z``; ``$`` (outside ``(?m)``) matches only at the very end, as RE2's; ``\\s`` is
RE2's ``[\\t\\n\\f\\r ]``; POSIX classes (``[[:alpha:]]``) become their ASCII ranges; ``\\d``,
``\\w`` and ``\\b`` are ASCII (``re.ASCII``), as in RE2.  The rewrite's ``\\0``-``\\9`` and
``\\\\`` become Python's template; a rewrite naming a missing group leaves the input unchanged,
as RE2's ``Replace`` does.  Strings are matched as UTF-8 text (``.`` is one character), ASCII
strings directly as bytes.  Known gaps: RE2's Unicode classes (``\\pL``, ``\\p{Greek}``) are
refused, Unicode case folding under ``(?i)`` is ASCII only, and ``.`` matches undecodable
bytes (RE2 skips them).  Invalid patterns raise TF's error with RE2's wording for the common
mistakes (missing/unexpected parenthesis, missing ``]``, bad or stacked repetition, bad escape).
"""

from __future__ import annotations

import functools
import re

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework.op_errors import dims_text, op_error
from ..framework.tensor import wrap
from .string_ops import string_storage, strings_result
from .string_ragged import on_flat_values

__all__ = ["regex_replace", "regex_full_match", "compile_re2"]

_POSIX = {
    "alnum": "0-9A-Za-z",
    "alpha": "A-Za-z",
    "ascii": "\\x00-\\x7f",
    "blank": "\\t ",
    "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9",
    "graph": "!-~",
    "lower": "a-z",
    "print": " -~",
    "punct": "!-/:-@\\[-`{-~",
    "space": "\\t\\n\\v\\f\\r ",
    "upper": "A-Z",
    "word": "0-9A-Za-z_",
    "xdigit": "0-9A-Fa-f",
}
_SPACE = "\\t\\n\\f\\r "
_POSIX_RE = re.compile(r"\[:(\^?)([a-z]+):\]")


def _translate(pattern):
    """An RE2 pattern as Python's ``re`` reads the same language (see the module docstring)."""
    out = []
    i, n = 0, len(pattern)
    in_class = False
    multiline = "(?m" in pattern or re.search(r"\(\?[a-z]*m", pattern) is not None
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            if e == "z":
                out.append("\\Z")
            elif e == "s":
                out.append(_SPACE if in_class else "[%s]" % _SPACE)
            elif e == "S" and not in_class:
                out.append("[^%s]" % _SPACE)
            elif e in "pP":
                raise re.error("RE2 Unicode classes are not supported", pattern, i)
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            match = _POSIX_RE.match(pattern, i)
            if match:
                if match.group(1):
                    raise re.error("negated POSIX classes are not supported", pattern, i)
                out.append(_POSIX[match.group(2)])
                i = match.end()
                continue
            if c == "]" and out and out[-1] not in ("[", "[^"):
                in_class = False
        elif c == "[":
            in_class = True
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                if i < n and pattern[i] == "]":
                    out.append("\\]")
                    i += 1
                continue
            out.append("[")
            i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            continue
        elif c == "+" and out and out[-1] in ("*", "+", "?"):
            # Python reads a possessive quantifier; RE2 refuses stacked repetitions
            raise re.error("multiple repeat", pattern, i)
        elif c == "$" and not multiline:
            out.append("\\Z")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _repeat_end(pattern, pos):
    """The end of the repetition operator at ``pos`` (with its non-greedy ``?``)."""
    end = pattern.index("}", pos) + 1 if pattern[pos] == "{" else pos + 1
    return end + 1 if pattern[end : end + 1] == "?" else end


def _stacked_repeat(pattern, pos):
    """RE2's argument for a repetition operator at ``pos`` stacked on another: both operators
    (``**``, ``{2}*``, ``*?+``)."""
    start = pos - 1
    if pattern[start] == "?" and start and pattern[start - 1] in "*+?}":
        start -= 1
    if pattern[start] == "}":
        start = pattern.rindex("{", 0, start)
    return pattern[start : _repeat_end(pattern, pos)]


def _re2_error_text(pattern, error):
    message = error.msg
    pos = error.pos or 0
    if "missing )" in message:
        return "missing ): %s" % pattern
    if "unbalanced parenthesis" in message:
        return "unexpected ): %s" % pattern
    if "unterminated character set" in message:
        return "missing ]: %s" % pattern[pos:]
    if "multiple repeat" in message:
        return "bad repetition operator: %s" % _stacked_repeat(pattern, pos)
    if "nothing to repeat" in message:
        return "no argument for repetition operator: %s" % pattern[pos : pos + 1]
    if "bad escape" in message or "Unicode classes" in message:
        return "invalid escape sequence: %s" % pattern[pos : pos + 2]
    if "look-behind" in message or "unknown extension" in message:
        return "invalid perl operator: %s" % pattern[pos : pos + 3]
    return message


@functools.lru_cache(maxsize=256)
def compile_re2(pattern, opname):
    """``(str_regex, bytes_regex)`` for the RE2 ``pattern`` (``str``); TF's error when invalid."""
    try:
        if re.search(r"\(\?[=!]|\(\?<[=!]", pattern):
            index = re.search(r"\(\?[=!]|\(\?<[=!]", pattern).start()
            raise re.error("look-behind", pattern, index)
        translated = _translate(pattern)
        text_re = re.compile(translated, re.ASCII)
        bytes_re = re.compile(translated.encode("utf-8"))
    except re.error as error:
        raise op_error(
            opname,
            "Invalid pattern: %s, error: %s" % (pattern, _re2_error_text(pattern, error)),
            name=None,
        ) from None
    return text_re, bytes_re


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value


def _scalar_arg(value, what, opname):
    """A scalar string argument (pattern / rewrite) as ``str``; TF's error for a non-scalar."""
    if isinstance(value, (str, bytes)):
        return _text(value)
    array = string_storage(value, opname, 1 if what == "Pattern" else 2)
    if array.ndim:
        raise op_error(
            opname, "%s must be scalar, but received %s" % (what, dims_text(array.shape)), name=None
        )
    return _text(array[()])


_REWRITE_RE = re.compile(r"\\(.)|([^\\]+)|\\$", re.S)


def _template(rewrite):
    """``(python_template, highest_group)`` of an RE2 rewrite string."""
    parts = []
    highest = 0
    for match in _REWRITE_RE.finditer(rewrite):
        escaped, literal = match.group(1), match.group(2)
        if literal is not None:
            parts.append(literal)
        elif escaped is not None and escaped.isdigit():
            highest = max(highest, int(escaped))
            parts.append("\\g<%s>" % escaped)
        elif escaped == "\\":
            parts.append("\\\\")
        else:
            parts.append("\\\\" + (escaped or ""))
    return "".join(parts), highest


_ASCII_CLASS = re.compile(r"\[(?!\^)(?:[^\]\\]|\\[^WSDpPbB0-9])+\][+*]?")


@functools.lru_cache(maxsize=64)
def _deleted_bytes(pattern, rewrite, opname):
    """The ASCII bytes a global replacement deletes, when ``pattern`` is a plain character class
    of ASCII characters (optionally repeated) and ``rewrite`` is empty (Keras' punctuation
    stripping): then ``bytes.translate`` does the work of ``re.sub``; None otherwise."""
    if rewrite or not pattern.isascii() or not _ASCII_CLASS.fullmatch(pattern):
        return None
    single = compile_re2(pattern.rstrip("+*"), opname)[1]
    return bytes(b for b in range(128) if single.fullmatch(bytes([b])))


def _static(pattern, rewrite):
    return isinstance(pattern, (str, bytes)) and isinstance(rewrite, (str, bytes))


@tf_export("strings.regex_replace")
@on_flat_values
def regex_replace(input, pattern, rewrite, replace_global=True, name=None):  # noqa: A002
    """``tf.strings.regex_replace``: replaces the matches of RE2 ``pattern`` (all, or the first
    with ``replace_global=False``) by ``rewrite`` (``\\1``-``\\9`` insert groups, ``\\0`` the
    match)."""
    opname = "StaticRegexReplace" if _static(pattern, rewrite) else "RegexReplace"
    array = string_storage(input, opname)
    pattern_text = _scalar_arg(pattern, "Pattern", opname)
    rewrite_text = _scalar_arg(rewrite, "Rewrite", opname)
    text_re, bytes_re = compile_re2(pattern_text, opname)
    template, highest = _template(rewrite_text)
    if highest > text_re.groups:
        return strings_result(np.array(array, dtype=object))
    deleted = _deleted_bytes(pattern_text, rewrite_text, opname) if replace_global else None
    if deleted is not None:
        return strings_result(_map(lambda value: value.translate(None, deleted), array))
    count = 0 if replace_global else 1
    bytes_template = template.encode("utf-8", "surrogateescape")
    text_sub, bytes_sub = text_re.sub, bytes_re.sub

    def replace(value):
        if value.isascii():
            return bytes_sub(bytes_template, value, count)
        text = text_sub(template, value.decode("utf-8", "surrogateescape"), count)
        return text.encode("utf-8", "surrogateescape")

    return strings_result(_map(replace, array))


def _map(fn, array):
    if array.ndim == 0:
        out = np.empty((), dtype=object)
        out[()] = fn(array[()])
        return out
    return np.frompyfunc(fn, 1, 1)(array)


@tf_export("strings.regex_full_match")
@on_flat_values
def regex_full_match(input, pattern, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.regex_full_match``: whether each whole string matches RE2 ``pattern``."""
    opname = "StaticRegexFullMatch" if isinstance(pattern, (str, bytes)) else "RegexFullMatch"
    array = string_storage(input, opname)
    pattern_text = _scalar_arg(pattern, "Pattern", opname)
    text_re, bytes_re = compile_re2(pattern_text, opname)
    text_match, bytes_match = text_re.fullmatch, bytes_re.fullmatch

    def matches(value):
        if value.isascii():
            return bytes_match(value) is not None
        return text_match(value.decode("utf-8", "surrogateescape")) is not None

    flat = array.reshape(-1)
    result = np.fromiter(map(matches, flat), dtype=bool, count=flat.size)
    storage = torch.as_tensor(result.reshape(array.shape), device=_device.current())
    return wrap(storage)
