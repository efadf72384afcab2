/**
 * Rules for src/model/types.ts that the type checker does not enforce, as pure functions over a
 * syntax tree so that test/model/fixtures/ can prove they find what they should.
 */
import {
  getTextOfJSDocComment,
  type Node,
  type SourceFile,
  SyntaxKind,
} from 'typescript/unstable/ast'

const hasDoc = (node: Node): boolean =>
  (node.jsDoc ?? []).some(
    (doc) =>
      doc.kind === SyntaxKind.JSDoc &&
      (
        getTextOfJSDocComment(
          (doc as { comment?: Parameters<typeof getTextOfJSDocComment>[0] }).comment,
        ) ?? ''
      ).trim() !== '',
  )

const nameOf = (node: Node): string => {
  const name = (node as { name?: { text?: string } }).name
  if (node.kind === SyntaxKind.IndexSignature) return '[key]'
  return name?.text ?? '?'
}

const isExported = (node: Node): boolean =>
  ((node as { modifiers?: readonly Node[] }).modifiers ?? []).some(
    (m) => m.kind === SyntaxKind.ExportKeyword,
  )

const isDeclaration = (node: Node): boolean =>
  node.kind === SyntaxKind.InterfaceDeclaration || node.kind === SyntaxKind.TypeAliasDeclaration

const isField = (node: Node): boolean =>
  node.kind === SyntaxKind.PropertySignature || node.kind === SyntaxKind.IndexSignature

/**
 * Every exported interface or type alias without a doc comment, and every field (also of an object
 * type nested in a field) of one without a doc comment: `Interface`, `Interface.field`,
 * `Interface.field.nested`.
 */
export function undocumented(file: SourceFile): string[] {
  const found: string[] = []
  const visit = (node: Node, owner: string): void => {
    let path = owner
    if (isDeclaration(node)) {
      if (!isExported(node)) return
      path = nameOf(node)
      if (!hasDoc(node)) found.push(path)
    } else if (isField(node)) {
      path = `${owner}.${nameOf(node)}`
      if (!hasDoc(node)) found.push(path)
    }
    node.forEachChild((child) => visit(child, path))
  }
  for (const statement of file.statements) visit(statement, '')
  return found
}

const isLiteral = (node: Node): boolean => node.kind === SyntaxKind.LiteralType

/**
 * Every union of literal types (`'a' | 'b'`, `1 | 2`), as `Owner: text`. The data model derives
 * its enumerations from src/model/enums.ts, so a union spelled by hand is a second copy.
 */
export function handWrittenEnumerations(file: SourceFile): string[] {
  const found: string[] = []
  const visit = (node: Node, owner: string): void => {
    const path = isDeclaration(node)
      ? nameOf(node)
      : isField(node)
        ? `${owner}.${nameOf(node)}`
        : owner
    if (node.kind === SyntaxKind.UnionType) {
      const members = (node as { types?: readonly Node[] }).types ?? []
      if (members.length > 0 && members.every(isLiteral)) {
        found.push(`${path}: ${file.text.slice(node.pos, node.end).trim()}`)
      }
    }
    node.forEachChild((child) => visit(child, path))
  }
  for (const statement of file.statements) visit(statement, '')
  return found
}
