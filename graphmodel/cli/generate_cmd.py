"""``graphmodel generate``: write a deterministic synthetic ledger at a named scale."""

from __future__ import annotations

import click

from graphmodel.cli.options import cli_lang, emit_json
from graphmodel.cli.render import print_table
from graphmodel.generate import SCALES, generate, scale_for
from graphmodel.vocabulary import words

__all__ = ["COMMANDS", "generate_cmd"]


@click.command("generate")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option(
    "--scale",
    type=click.Choice(list(SCALES)),
    default="street",
    show_default=True,
    help="Named scale: the counts per level documented in graphmodel.generate.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same files.")
@click.option("--districts", type=click.IntRange(min=1), help="Override the scale's districts.")
@click.option("--streets", type=click.IntRange(min=1), help="Override the scale's streets.")
@click.option("--communities", type=click.IntRange(min=1), help="Override the scale's communities.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names).")
def generate_cmd(
    out_dir: str,
    scale: str,
    seed: int,
    districts: int | None,
    streets: int | None,
    communities: int | None,
    as_json: bool,
) -> None:
    """Write a synthetic ledger (CSV files, the project's ledger format) into OUT_DIR.

    Names start with 合成 (synthetic); no record stands for a person. The same scale, counts
    and seed write byte-identical files.

    \b
    Example:
        graphmodel generate ledger-city --scale city --seed 1
        graphmodel load ledger-city
    """
    chosen = scale_for(scale, districts=districts, streets=streets, communities=communities)
    result = generate(out_dir, chosen, seed=seed)
    if as_json:
        emit_json(result.to_dict())
        return
    lang = cli_lang()
    w = words(lang)
    print_table(w["synthetic"], (w["table"], w["rows"]), list(result.rows.items()))
    click.echo(
        w["synthetic_done"].format(
            out=result.out_dir,
            scale=chosen.name,
            seed=seed,
            nodes=result.nodes,
            edges=result.edges,
            seconds=f"{result.seconds:.2f}",
        )
    )


COMMANDS = (generate_cmd,)
