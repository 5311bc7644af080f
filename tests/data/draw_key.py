"""Draw the articles of a new development key (issue 19): 20 AllSides articles of 150-600 words, at random
with a fixed seed, none of them in any key already in this folder (nor in the lost sixth key's draw), split
into three batches of 7, 7 and 6 for annotators, as JSON Lines {id, title, outlet, body}.

The fifty-first to fifty-fourth keys were drawn with this script (seeds 5113, 5213, 5313, 5413; each later
one with the ids of the ones before passed as ``--exclude``, since they were drawn before any was saved here):

    python tests/data/draw_key.py --seed 5113 --out /tmp/k51
    python tests/data/draw_key.py --seed 5213 --out /tmp/k52 --exclude /tmp/k51_ids.json

No article text is kept in the project (the data's terms): the batches go to a scratch folder, the key keeps
ids, offsets and names only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "data"


def _used_ids(extra: list[Path]) -> set[str]:
    """Every article id of the keys in this folder, of the ``extra`` id lists, and of the lost sixth key."""
    used: set[str] = set()
    for path in HERE.glob("*key*.json"):
        for part in json.loads(path.read_text(encoding="utf-8")).values():
            used |= set(part) if isinstance(part, dict) else set()
    for path in extra:
        used |= set(json.loads(path.read_text(encoding="utf-8")))
    return used


def _read(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="prefix of the batch and id files")
    parser.add_argument(
        "--exclude", type=Path, nargs="*", default=[], help="JSON lists of ids to skip"
    )
    args = parser.parse_args()
    bbc = _read(SHARED / "bbc" / "bbc.jsonl")
    allsides = _read(SHARED / "allsides" / "allsides-dev.jsonl.gz")
    bbc_ids = sorted(a["id"] for a in bbc if len(a["body"].split()) <= 450)
    sized = sorted(a["id"] for a in allsides if 150 <= len(a["body"].split()) <= 600)
    used = _used_ids(args.exclude)
    lost = random.Random(2070)  # the sixth key's draw, whose key was lost: never drawn again
    used |= set(lost.sample(bbc_ids, 8)) | set(lost.sample(sized, 12))
    ids = sorted(random.Random(args.seed).sample([i for i in sized if i not in used], 20))
    by_id = {a["id"]: a for a in allsides}
    for n, batch in enumerate((ids[:7], ids[7:14], ids[14:]), 1):
        with Path(f"{args.out}_batch{n}.jsonl").open("w", encoding="utf-8") as handle:
            for i in batch:
                a = by_id[i]
                row = {"id": i, "title": a["title"], "outlet": a.get("outlet"), "body": a["body"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    Path(f"{args.out}_ids.json").write_text(json.dumps(ids), encoding="utf-8")
    print(f"{len(ids)} articles drawn with seed {args.seed}: {args.out}_batch1-3.jsonl")


if __name__ == "__main__":
    main()
