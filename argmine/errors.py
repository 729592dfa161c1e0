"""Coded error messages and exception classes.

Every message names the bad value, what is allowed, and what to do. The
library raises; only the CLI prints and exits.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix each message with its code, like spaCy's ``Errors``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = ("Format {fmt!r} is not registered; choose one of: {choices}.")
    E002 = ("No English spaCy pipeline could be loaded (tried: {tried}). Install one with "
            "`pip install 'argmine[model]'` (or `pip install en_core_web_sm`), or pass "
            "a pipeline name or path with --spacy / ARGMINE_SPACY_MODEL.")
    E003 = ("Line is not valid JSON ({detail}). Each line must be one JSON object; "
            "check for a truncated or merged line.")
    E004 = ("Line holds a JSON {kind}, not an object. Each line must be one JSON object "
            "such as {{\"text\": \"...\"}}.")
    E005 = ("Record has no {field!r} field with text. Give every line a \"{field}\" string, e.g. "
            "{{\"id\": \"doc-1\", \"{field}\": \"...\"}}.")
    E006 = ("Input path {path!r} does not exist. Check the spelling, or pass '-' to read "
            "standard input.")
    E007 = ("Output file {path!r} exists. Pass --overwrite to replace it, or choose another path.")
    E009 = ("Source {path!r} has no files of the expected kind ({expected}). Point at the "
            "corpus folder as laid out in its release.")
    E010 = ("Span {start}:{end} ({label!r}) does not match the text: expected {expected!r}, "
            "found {found!r}. The corpus offsets are inconsistent; report it.")
    E011 = ("Model directory {path!r} is missing {name!r}. Train one with `argmine train` "
            "or use the bundled default model.")
    E013 = ("No training examples: the data holds no labelled units. Check that the inputs are "
            "annotated corpora, not plain text.")
    E014 = ("Unknown Hugging Face dataset level {level!r}; choose 'document', 'unit' or 'sentence'.")
    E015 = ("Dataset is missing the column(s) {missing}; a document-level argmine dataset "
            "needs {needed}.")
    E028 = ("Document {id!r}: meta.targets must be a list of strings, got {value}. Write e.g. "
            "\"targets\": [\"the Iran nuclear deal\"].")
    E027 = ("Target kind {kind!r} is not known; choose one of: {choices}.")
    E016 = ("Target text is empty. Pass a phrase such as --target \"detente with North Korea\".")
    E018 = ("Cannot group by {group!r}: use 'document' or 'topic' (topic read from meta.topic).")
    E019 = ("Only {n} group(s) available for {k}-fold cross-validation; lower --folds or add data.")
    E021 = ("Model file {path!r} is damaged or not an argmine model file ({detail}). Retrain it with "
            "`argmine train`, or use the bundled default model.")
    E022 = ("{path!r} is not UTF-8 text (bad byte at position {pos}). Convert it first, e.g. "
            "`iconv -f latin1 -t utf-8 FILE > FILE.utf8`.")
    E023 = ("Source {source} labels nothing the unit classifier learns (format {fmt!r} carries "
            "{what}). Train units on a format that labels units ({trainable}); "
            "stance corpora go to --stance-corpora.")
    E024 = ("Output {path!r} exists. Pass --overwrite to replace it, or choose another directory.")
    E025 = ("Cannot load the Hugging Face dataset at {path!r} ({detail}). Give a folder written by "
            "`Dataset.save_to_disk`.")
    E047 = ("Genre {genre!r} is not one the model was trained on; choose one of: {choices}, or "
            "'auto' to let the model predict each document's genre.")
    E026 = ("No stance corpus found under {path!r}: expected ibm-claim-stance/, iam/ or newsmtsc/ "
            "as laid out in their releases.")
    E020 = ("Stance targets need the parser and NER, which a units-only pipeline leaves out: drop "
            "--units-only (in Python: argmine.load(units_only=False)).")
    # Reliability: paths, outputs, inputs and models.
    E030 = ("Output {output!r} is the input {input!r}: writing it would destroy the input before it "
            "is read. Choose another output path.")
    E031 = ("Output {output!r} is inside the input folder {folder!r}, so it would be read back as "
            "input. Write the output outside that folder.")
    E032 = ("Output {path!r} is a folder. Give a file path, e.g. {path}/out.jsonl.")
    E033 = ("Cannot write {path!r}: {reason}. Choose a writable location with free space.")
    E034 = ("Cannot read {path!r}: {reason}. Check the path and its permissions.")
    E035 = ("Output {path!r} is being written by another argmine run (it is locked). Wait for that "
            "run to finish, or choose another output path.")
    E036 = ("{path!r} is a device, not a file: reading it would never end. Give a file, a folder "
            "or '-' for standard input.")
    E037 = ("Standard input ('-') is given more than once; it can be read only once. Pass '-' once.")
    E039 = ("{detail}. Fix the record, or pass --skip-invalid to report and skip bad records.")
    E040 = ("Text {where}contains a lone surrogate ({char}) at character {pos}, which is not valid "
            "Unicode and cannot be written as UTF-8. Repair the source text (decode it with the "
            "right encoding).")
    E042 = ("Model {path!r} failed its integrity check: {detail}. The model files were changed or "
            "damaged after training; reinstall or retrain the model (`argmine train`).")
    E043 = ("Model {path!r} is {detail}; this argmine reads {supported}. Retrain the model with "
            "this version (`argmine train`), or install the argmine version that wrote it.")
    E044 = ("Model file {path!r} holds invalid values: {detail}. Retrain the model with `argmine train`.")
    E045 = ("Model {path!r} refers to {ref!r}, outside the model folder. A model may only use files "
            "inside its own folder; retrain it or fix its configuration.")
    E046 = ("Cannot write the scores to {path!r} ({reason}); they are printed above and were also "
            "saved to {fallback!r}.")
    E099 = ("Unexpected internal error ({detail}) while processing {where}. This is a bug in "
            "argmine: please report it with the command and input that caused it.")
    # Reports, exports and hand annotation.
    E301 = ("No documents to show or export. Give argmine JSONL files written by `argmine annotate` "
            "(or gold records).")
    E302 = ("Unknown {what} {value!r}; choose one of: {choices}.")
    E303 = ("Bad date {value!r} for {option}: write it as YYYY-MM-DD (or YYYY).")
    E304 = ("--mode {mode} needs {what}. {fix}")
    E305 = ("{path}: record {record!r} has no meta.label.key, so the file is not a decision file of "
            "`argmine label`. Give a new output file for the decisions.")
    # Readers (raised through the helpers in argmine.io._common, with the file and line).
    E101 = ("{detail}. This is not the layout the {fmt!r} reader expects (described in the "
            "argmine.io.{fmt} docstring); fix or remove the record, or point at the corpus files as released.")
    E102 = ("Unknown {kind} label {label!r}; expected one of: {allowed}. The corpus version may "
            "differ from the one the {fmt!r} reader was written for (see the argmine.io.{fmt} docstring).")
    E103 = ("{what} {ref!r} is not defined in {scope}. Fix the reference, or restore the missing "
            "element from the corpus release.")


class ArgmineError(Exception):
    """Base class of every error argmine raises on purpose."""


class SchemaError(ArgmineError, ValueError):
    """A record or input line is malformed. Carries the path and 1-based line number."""

    def __init__(self, message: str, *, path: str | None = None, lineno: int | None = None):
        self.message = message
        self.path = path
        self.lineno = lineno
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.lineno}: " if self.lineno is not None else f"{self.path}: "
        return f"{where}{self.message}"


class OffsetError(SchemaError):
    """A span's offsets do not fit the text."""


# Readers raise SchemaError for every malformed input; the former name stays importable.
FormatError = SchemaError


class ModelError(ArgmineError):
    """A model cannot be found or loaded."""

