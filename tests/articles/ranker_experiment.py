"""Would a learned speaker chooser beat the hand-written attribution rules? (issue #18)

An experiment, not part of the test suite. For every labelled forecast that `candidates`
proposes, the options are the people the text names up to the paragraph after the forecast,
plus "no one named"; each option gets shallow features (where the name stands against the
forecast, a reporting verb beside it, whether it is the person named or quoted last,
quotation marks, a pronoun). A logistic regression is trained on every set but one and
scored on the one left out, so each set is read by a model that never saw it.

Only tuning material is read: the shared tuning half, the tuning sets of `tests/articles/`
and the two tuned batteries of `tests/attribution/`. The held-out sets (`n`, `m`, `h`, `g`,
the shared held-out half, `held-out-mixed.jsonl`) are never opened.

Needs the retrieved texts (see README.md here), a debug build (`cargo build`) and
scikit-learn (`pip install scikit-learn`). Run from the repository's root:
`python3 tests/articles/ranker_experiment.py [--with-rules]`. `--with-rules` adds the rules'
own choice as a feature.
"""

import bisect
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[2]
BINARY = ROOT / "target/debug/hindsight"
SHARED_TUNING = ["brazil-runoff-2022", "europe-gas-2021", "fed-cuts-2025",
                 "germany-election-2017", "iphone-sales-2016", "ukraine-rand-2023"]
HELD_OUT_LETTERS = set("nmhg")
# Each tuning set of tests/articles/ by the first letter of its files.
SET_OF_LETTER = {letter: str(number) for number, letters in
                 [(2, "xy"), (3, "zwvu"), (4, "st"), (5, "rq"), (6, "po"),
                  (7, "lk"), (8, "ji"), (9, "fe"), (10, "dc")] for letter in letters}

REPORTING = re.compile(
    r"\b(said|says|say|told|tells|added|adds|according to|expects?|expected|predicts?|"
    r"predicted|believes?|believed|wrote|writes|noted|notes|warned|warns|forecasts?|argued|"
    r"argues|thinks?|thought|sees|estimated?|estimates|explained|stated|cautioned|insisted|"
    r"projected|reckons?|suggested|claimed|predicting)\b", re.I)
NAME_RUN = re.compile(r"\b(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)(?:\s+[A-Z][a-zA-Z'’\-]+)+")
NOT_NAME = set("The A An In On At For But And If When As It This That These Those He She They "
               "We I Mr Mrs Ms Dr Prof President Minister Prime Governor Chairman Chief "
               "Secretary Senator General Gen Col Sir January February March April May June "
               "July August September October November December Monday Tuesday Wednesday "
               "Thursday Friday Saturday Sunday".split())
PRONOUN = re.compile(r"\b(he|she|his|her)\b", re.I)
GROUP = re.compile(r"\b(analysts|economists|experts|officials|observers|traders|strategists|"
                   r"forecasters|investors|sources|diplomats|pollsters|many|most|some)\b", re.I)
PERSON_FEATURES = 19
NONE_FEATURES = 7


def candidates(path):
    run = subprocess.run([str(BINARY), "candidates", str(path), "--format", "json",
                          "/no-scenarios-folder"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def tsv(path):
    for line in open(path, encoding="utf-8"):
        row = line.rstrip("\n").split("\t")
        if line.startswith("#") or not line.strip() or row[0] == "file":
            continue
        yield row


def documents():
    """(set, text, [(label words, speaker)], candidates) for every tuning text."""
    def labels_of(path):
        found = {}
        for row in tsv(path):
            found.setdefault(row[0].removesuffix(".txt"), []).append((row[2].lower(), row[1].lower()))
        return found

    shared = labels_of(ROOT.parent / "shared/articles/labels.tsv")
    for name in SHARED_TUNING:
        path = ROOT / f"target/articles/{name}.txt"
        yield "1", path.read_text(encoding="utf-8"), shared[name], candidates(path)
    for name, labels in sorted(labels_of(ROOT / "tests/articles/labels.tsv").items()):
        if name[0] in HELD_OUT_LETTERS:
            continue
        path = ROOT / f"target/articles-extra/{name}.txt"
        yield SET_OF_LETTER[name[0]], path.read_text(encoding="utf-8"), labels, candidates(path)
    with tempfile.TemporaryDirectory() as folder:
        for battery in ["markets-and-science", "politics-and-war"]:
            for line in open(ROOT / f"tests/attribution/{battery}.jsonl", encoding="utf-8"):
                item = json.loads(line)
                text = f"Probe {item['id']}\nBy Jo Writer, Test, 2024-01-10\n\n{item['text']}\n"
                path = Path(folder) / f"{item['id']}.txt"
                path.write_text(text, encoding="utf-8")
                labels = [(words.lower(), speaker.lower()) for words, speaker in item["expect"]]
                yield battery, text, labels, candidates(path)


def spans(text, separator):
    """The pieces of `text` between matches of `separator`, as (start, end)."""
    pieces, start = [], 0
    for match in re.finditer(separator, text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return [piece for piece in pieces if piece[1] > piece[0]]


def people(text):
    """Each name of two capitalised words or more, by its last word, and where that word
    stands in the text."""
    names = {}
    for run in NAME_RUN.finditer(text):
        words = run.group(0).split()
        while words and words[0].strip(".") in NOT_NAME:
            words = words[1:]
        surname = words[-1].lower().strip("'’") if len(words) >= 2 else ""
        if len(surname) >= 3:
            names.setdefault(surname, " ".join(words))
    mentions = {surname: [m.start() for m in re.finditer(r"\b" + re.escape(name.split()[-1]) + r"\b", text)]
                for surname, name in names.items()}
    return names, {surname: places for surname, places in mentions.items() if places}


def options(text, candidate, names, mentions, sentences, paragraphs, verbs, with_rules):
    """The people a forecast may be by, and no one, each as a row of features."""
    as_bytes = text.encode()
    start = len(as_bytes[:candidate["start"]].decode(errors="ignore"))
    end = len(as_bytes[:candidate["end"]].decode(errors="ignore"))
    quote = text[start:end]
    paragraph_starts = [p[0] for p in paragraphs]
    sentence_starts = [s[0] for s in sentences]
    paragraph = max(0, bisect.bisect_right(paragraph_starts, start) - 1)
    paragraph_end = paragraphs[paragraph][1]
    next_paragraph = paragraphs[paragraph + 1] if paragraph + 1 < len(paragraphs) else (paragraph_end, paragraph_end)
    sentence = bisect.bisect_right(sentence_starts, start) - 1
    quoted = float(bool(re.search(r"[\"“”]", quote)))
    pronoun = float(bool(PRONOUN.search(quote[:80])))
    opens_paragraph = float(start - paragraphs[paragraph][0] < 3)

    def by_verb(at):
        return any(abs(verb - at) < 45 for verb in verbs)

    last_named, last_named_at, last_speaker, last_speaker_at = None, -1, None, -1
    for surname, places in mentions.items():
        before = [at for at in places if at < start]
        if before and before[-1] > last_named_at:
            last_named, last_named_at = surname, before[-1]
        spoke = [at for at in before if by_verb(at)]
        if spoke and spoke[-1] > last_speaker_at:
            last_speaker, last_speaker_at = surname, spoke[-1]
    first_named = min(mentions, key=lambda s: mentions[s][0]) if mentions else None

    rows, who, named_nearby = [], [], 0.0
    for surname, places in mentions.items():
        before = [at for at in places if at < start]
        inside = [at for at in places if start <= at < end]
        after = [at for at in places if end <= at < paragraph_end]
        next_one = [at for at in places if next_paragraph[0] <= at < next_paragraph[1]]
        if not (before or inside or after or next_one):
            continue
        if inside or after or (before and before[-1] >= paragraphs[paragraph][0]):
            named_nearby = 1.0
        if inside or after:
            sentences_back = paragraphs_back = 0
        elif before:
            sentences_back = sentence - (bisect.bisect_right(sentence_starts, before[-1]) - 1)
            paragraphs_back = paragraph - (bisect.bisect_right(paragraph_starts, before[-1]) - 1)
        else:
            sentences_back = paragraphs_back = 20
        is_last_speaker = float(surname == last_speaker)
        rules_chose = float(bool(candidate.get("speaker")) and surname in candidate["speaker"].lower())
        rows.append([0.0, float(bool(inside)), float(bool(after)), float(bool(next_one)),
                     float(any(map(by_verb, inside))), float(any(map(by_verb, after))),
                     float(any(map(by_verb, next_one))),
                     math.log1p(min(sentences_back, 20)), math.log1p(min(paragraphs_back, 20)),
                     float(paragraphs_back == 0), float(surname == last_named), is_last_speaker,
                     math.log1p(len(places)), float(surname == first_named),
                     is_last_speaker * quoted, is_last_speaker * pronoun,
                     float(surname == last_named) * pronoun, float(bool(inside)) * quoted,
                     rules_chose if with_rules else 0.0] + [0.0] * NONE_FEATURES)
        who.append(names[surname].lower())
    rules_chose_no_one = float(not candidate.get("speaker")) if with_rules else 0.0
    rows.append([1.0] + [0.0] * (PERSON_FEATURES - 1)
                + [quoted, pronoun, float(bool(GROUP.search(quote))),
                   float(bool(REPORTING.search(quote))), named_nearby, opens_paragraph,
                   rules_chose_no_one])
    who.append(None)
    return np.array(rows), who


def examples(with_rules):
    """(set, features, the right option or -1 if the text never names the speaker, named?,
    the rules right?) for each labelled forecast `candidates` proposes."""
    for group, text, labels, found in documents():
        paragraphs = spans(text, r"\n\s*\n|\n")
        sentences = spans(text, r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])")
        names, mentions = people(text)
        verbs = [m.start() for m in REPORTING.finditer(text)]
        for words, speaker in labels:
            proposed = [c for c in found if words in c["quote"].lower()]
            if not proposed:
                continue
            features, who = options(text, proposed[0], names, mentions, sentences, paragraphs,
                                    verbs, with_rules)
            named = speaker not in ("-", "author")
            if named:
                right = next((i for i, person in enumerate(who) if person and speaker in person), -1)
                rules_right = speaker in (proposed[0].get("speaker") or "").lower()
            else:
                right = len(who) - 1
                rules_right = not proposed[0].get("speaker")
            yield group, features, right, named, rules_right


def main():
    data = list(examples("--with-rules" in sys.argv))
    totals = {"named": 0, "model right": 0, "rules right": 0, "unnamed": 0,
              "model named where none": 0, "rules named where none": 0}
    for left_out in sorted({example[0] for example in data}):
        training = [e for e in data if e[0] != left_out and e[2] >= 0]
        features = np.vstack([e[1] for e in training])
        chosen = np.concatenate([np.eye(len(e[1]))[e[2]] for e in training])
        model = make_pipeline(StandardScaler(), LogisticRegression(C=10.0, max_iter=5000)).fit(features, chosen)
        figures = dict.fromkeys(totals, 0)
        for _, rows, right, named, rules_right in (e for e in data if e[0] == left_out):
            pick = int(np.argmax(model.decision_function(rows)))
            if named:
                figures["named"] += 1
                figures["model right"] += pick == right
                figures["rules right"] += rules_right
            else:
                figures["unnamed"] += 1
                figures["model named where none"] += pick != right
                figures["rules named where none"] += not rules_right
        print(left_out, figures)
        for key in totals:
            totals[key] += figures[key]
    print("all", totals)


if __name__ == "__main__":
    main()
