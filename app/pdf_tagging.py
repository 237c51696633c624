"""Finishing WeasyPrint's tagged PDF for PDF/UA-1: margin boxes as artifacts, an /IDTree.

WeasyPrint 70 marks the text of page margin boxes (running header, page numbers, and the
draft watermark, which is a running element) with MCIDs and gives it structure elements
that no parent lists (its issue #1836). Those elements are exactly what the structure tree
cannot reach from /StructTreeRoot /K, so that is how they are found here: their
marked-content sequences become ``/Artifact <</Type /Pagination>>`` and their ParentTree
entries are dropped. Table cells name their headers through /Headers, so the /ID of every
structure element goes into an /IDTree.
"""

import io
from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, String

_PAGINATION = Dictionary(Type=Name.Pagination)


def _kids(element: Object) -> list[Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def structure_elements(tree_root: Object) -> Iterator[Dictionary]:
    """Every structure element reachable from the root's /K, in document order."""
    seen: set[tuple[int, int]] = set()
    stack = list(reversed(_kids(tree_root)))
    while stack:
        element = stack.pop()
        if not isinstance(element, Dictionary) or "/S" not in element:
            continue  # an MCID, a marked-content or an object reference
        if element.is_indirect:
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
        yield element
        stack.extend(reversed(_kids(element)))


def _parent_tree(tree_root: Object) -> dict[int, Object]:
    """ParentTree as WeasyPrint writes it: one flat /Nums array."""
    nums = tree_root.ParentTree.get("/Nums", Array())
    return {int(nums[index]): nums[index + 1] for index in range(0, len(nums), 2)}


def _as_artifacts(page: pikepdf.Page, mcids: set[int]) -> None:
    """Turn the marked-content sequences with these MCIDs into pagination artifacts."""
    instructions = []
    for instruction in pikepdf.parse_content_stream(page):
        operands, operator = instruction.operands, instruction.operator
        if operator == pikepdf.Operator("BDC"):
            properties = operands[1]
            if isinstance(properties, Dictionary) and int(properties.get("/MCID", -1)) in mcids:
                instruction = pikepdf.ContentStreamInstruction(
                    [Name.Artifact, _PAGINATION], operator
                )
        instructions.append(instruction)
    page.contents_coalesce()
    page.Contents.write(pikepdf.unparse_content_stream(instructions))


def finish(pdf_bytes: bytes) -> bytes:
    """The same PDF with margin-box content as artifacts and an /IDTree; deterministic."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        tree_root = pdf.Root.get("/StructTreeRoot")
        if tree_root is None:
            return pdf_bytes
        elements = list(structure_elements(tree_root))
        reachable = {element.objgen for element in elements}
        parent_tree = _parent_tree(tree_root)

        for page in pdf.pages:
            if "/StructParents" not in page.obj:
                continue
            key = int(page.obj.StructParents)
            mapping = parent_tree.get(key)
            if not isinstance(mapping, Array):
                continue
            outside = {
                mcid
                for mcid, element in enumerate(mapping)
                if isinstance(element, Dictionary) and element.objgen not in reachable
            }
            if not outside:
                continue
            _as_artifacts(page, outside)
            kept: list[Object | None] = [
                None if mcid in outside else element for mcid, element in enumerate(mapping)
            ]
            while kept and kept[-1] is None:
                kept.pop()  # an index past the last kept MCID needs no entry
            parent_tree[key] = Array(kept)

        nums = Array([part for key in sorted(parent_tree) for part in (key, parent_tree[key])])
        tree_root.ParentTree.Nums = nums
        tree_root.ParentTreeNextKey = max(parent_tree, default=-1) + 1

        ids = sorted((bytes(element.ID), element) for element in elements if "/ID" in element)
        if ids:
            names = Array()
            for identifier, element in ids:
                names.extend([String(identifier), element])
            tree_root.IDTree = pdf.make_indirect(Dictionary(Names=names))

        out = io.BytesIO()
        # The /ID stays derived from the content, so the same view gives the same bytes.
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
