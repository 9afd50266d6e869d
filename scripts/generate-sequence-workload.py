#!/usr/bin/env python3
"""Writes the same seeded sequence design as Baton notation and as PlantUML, for benchmarks.

    generate-sequence-workload.py --interactions 1000 --participants 30 --seed 42 OUT_STEM

writes OUT_STEM.baton and OUT_STEM.puml. The design is one flow: a client calls into a mesh of
services, stores, queues and topics, with nested blocks (activations), loops, alternatives and
notes, following Baton's rules (inside the block of `A -> B`, only B initiates), so that both
tools draw the same diagram. Test tooling only: the PlantUML here is not a product feature.
"""
import argparse
import random

KINDS = ["service"] * 6 + ["store", "queue", "topic", "external"]
PUML_KIND = {"client": "actor", "service": "participant", "external": "boundary", "store": "database",
             "queue": "queue", "topic": "collections", "driver": "control"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("stem")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    participants = [("Client", "client")]
    for index in range(1, args.participants):
        participants.append((f"P{index:02d}", rng.choice(KINDS)))
    actives = [name for name, kind in participants if kind in ("service", "external")]
    passives = [name for name, kind in participants if kind != "client"]
    kind_of = dict(participants)

    baton = [f'title "Generated: {args.interactions} interactions, {args.participants} participants"', ""]
    puml = ["@startuml", f"title Generated: {args.interactions} interactions, {args.participants} participants"]
    for name, kind in participants:
        label = f"{name} ({kind})"
        baton.append(f'{kind} {name} "{label}"')
        puml.append(f'{PUML_KIND[kind]} "{label}" as {name}')
    baton.append("")

    remaining = [args.interactions]
    words = ["load", "store", "validate", "price", "reserve", "charge", "notify", "publish", "fetch", "sync",
             "order", "customer", "invoice", "shipment", "profile", "catalogue", "report", "event"]

    def label():
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))

    def steps(actor, depth, indent):
        """Steps initiated by `actor` (the passive end of the enclosing block)."""
        count = rng.randint(1, 4) if depth > 0 else 10**9
        pad = "  " * indent
        while count > 0 and remaining[0] > 0:
            count -= 1
            roll = rng.random()
            if roll < 0.06 and depth < 4:
                kind = rng.choice(["loop", "alt", "opt"])
                text = label()
                if kind == "alt":
                    baton.append(f'{pad}alt "{text}" {{'); puml.append(f"alt {text}")
                    steps(actor, depth + 1, indent + 1)
                    baton.append(f'{pad}}} else {{'); puml.append("else")
                    steps(actor, depth + 1, indent + 1)
                else:
                    baton.append(f'{pad}{kind} "{text}" {{'); puml.append(f"{kind} {text}")
                    steps(actor, depth + 1, indent + 1)
                baton.append(f"{pad}}}"); puml.append("end")
                continue
            if roll < 0.08:
                other = rng.choice(passives)
                text = label()
                baton.append(f"{pad}note over {actor}, {other} : {text}")
                puml.append(f"note over {actor}, {other} : {text}")
                continue
            target = rng.choice(passives)
            arrow = rng.choice(["->", "->", "->>", "<-"]) if kind_of[actor] != "client" else "->"
            text = label()
            remaining[0] -= 1
            nest = arrow == "->" and kind_of[target] in ("service", "external") and depth < 6 and rng.random() < 0.5
            if arrow == "->":
                puml.append(f"{actor} -> {target} : {text}")
            elif arrow == "->>":
                puml.append(f"{actor} ->> {target} : {text}")
            else:
                puml.append(f"{actor} <- {target} : {text}")
            if nest:
                baton.append(f"{pad}{actor} {arrow} {target} : {text} {{")
                puml.append(f"activate {target}")
                steps(target, depth + 1, indent + 1)
                baton.append(f"{pad}}}")
                puml.append(f"deactivate {target}")
            else:
                baton.append(f"{pad}{actor} {arrow} {target} : {text}")
            if depth == 0:
                actor = rng.choice(actives)

    steps("Client", 0, 0)
    puml.append("@enduml")
    with open(args.stem + ".baton", "w", encoding="utf-8") as out:
        out.write("\n".join(baton) + "\n")
    with open(args.stem + ".puml", "w", encoding="utf-8") as out:
        out.write("\n".join(puml) + "\n")


if __name__ == "__main__":
    main()
