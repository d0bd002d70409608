import { escapeMarkdown, safeLinkTarget } from '../text/escape';
import { citationsOf, eventsOf, type RelationAt, type SourceAt } from './lookup';
import { gradeMeaning } from '../body/grade';
import { pointText } from '../dates/dates';
import type { Briefing, Coordinates, Entity } from '../model/types';
import { dateLabel } from './timeline';

export const MAX_EVENTS_IN_CARD = 5;

/**
 * The target of a link that shows a 0-based line of a document. The editor gives it (a command
 * link of its own): the core knows no command ids.
 */
export type LineTarget = (uri: string, line: number) => string;

function lineLink(label: string, uri: string, line: number, target: LineTarget): string {
  return `[${label}](${target(uri, line)} "Go to line ${line + 1}")`;
}

/** The last path segment of a URI or path, for "defined in" lines. */
export function fileNameOf(uriOrPath: string): string {
  const clean = uriOrPath.split(/[?#]/)[0];
  return decodeURIComponent(clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1)) || clean;
}

/** A point as people read it: `43.1155° N, 131.8855° E`. */
export function coordinatesText([latitude, longitude]: Coordinates): string {
  return `${Math.abs(latitude)}° ${latitude < 0 ? 'S' : 'N'}, ${Math.abs(longitude)}° ${longitude < 0 ? 'W' : 'E'}`;
}

/**
 * The hover card of an actor or place, as Markdown. Everything that comes from a file goes
 * through `escapeMarkdown`; the only links are http(s) links of the entity and reveal links.
 */
export function hoverMarkdown(briefing: Briefing, entity: Entity, documentUri: string, lineTarget: LineTarget): string {
  const lines: string[] = [];
  const kind = entity.kind === 'actor' ? 'Actor' : 'Place';
  lines.push(`**${escapeMarkdown(entity.name, 120)}** · ${kind}${entity.type ? ` · ${escapeMarkdown(entity.type)}` : ''}`);

  const facts = entity.kind === 'actor' ? [entity.role, entity.affiliation] : [entity.country];
  const factLine = [
    ...facts.filter((fact): fact is string => fact !== undefined).map((fact) => escapeMarkdown(fact, 120)),
    ...(entity.coordinates ? [coordinatesText(entity.coordinates)] : []),
  ].join(' · ');
  if (factLine) lines.push('', factLine);
  if (entity.summary) lines.push('', escapeMarkdown(entity.summary));
  if (entity.aliases.length > 0) lines.push('', `*Also:* ${entity.aliases.map((alias) => escapeMarkdown(alias, 80)).join(', ')}`);

  const count = entity.mentions.length;
  lines.push('', `${count === 0 ? 'Not mentioned' : `Mentioned ${count} ${count === 1 ? 'time' : 'times'}`} in this briefing`);

  const events = eventsOf(briefing, entity);
  if (events.length > 0) {
    lines.push('', `**Events** (${events.length})`, '');
    for (const event of events.slice(0, MAX_EVENTS_IN_CARD)) {
      const date = dateLabel(event);
      lines.push(`- ${lineLink(escapeMarkdown(date), documentUri, event.range.start.line, lineTarget)} ${escapeMarkdown(event.text, 80)}`);
    }
    if (events.length > MAX_EVENTS_IN_CARD) lines.push(`- and ${events.length - MAX_EVENTS_IN_CARD} more`);
  }

  const links = entity.links.map(safeLinkTarget).filter((url): url is string => url !== undefined);
  if (links.length > 0) lines.push('', `*Links:* ${links.map((url) => `[${escapeMarkdown(url, 80)}](<${url}>)`).join(' · ')}`);

  const definition = entity.definition;
  const where = definition.source === undefined ? 'this briefing' : escapeMarkdown(fileNameOf(definition.source), 80);
  const line = definition.nameRange.start.line;
  lines.push('', `Defined in ${lineLink(`${where}, line ${line + 1}`, definition.source ?? documentUri, line, lineTarget)}`);
  return lines.join('\n');
}

/**
 * The hover card of a relation's `to:` value: the relation in one line (its ends, type, dates and
 * source), then the card of the entity it names, or why there is none.
 */
export function relationHoverMarkdown(briefing: Briefing, found: RelationAt, documentUri: string, lineTarget: LineTarget): string {
  const { owner, relation, target } = found;
  const facts = [
    relation.since && `since ${pointText(relation.since)}`,
    relation.until && `until ${pointText(relation.until)}`,
    relation.source && `source ${escapeMarkdown(relation.source, 20)}${sourceText(briefing, relation.source)}`,
  ].filter(Boolean);
  const head = `**${escapeMarkdown(owner.name, 80)}** → *${escapeMarkdown(relation.type, 80)}* → **${escapeMarkdown(relation.target ?? relation.to, 80)}**${facts.length > 0 ? ` · ${facts.join(' · ')}` : ''}`;
  const rest = target
    ? hoverMarkdown(briefing, target, documentUri, lineTarget)
    : `No actor or place of this briefing or its registries is named ${escapeMarkdown(relation.to, 80)}.`;
  return `${head}\n\n---\n\n${rest}`;
}

function sourceText(briefing: Briefing, id: string): string {
  const source = briefing.sources.find((listed) => listed.id === id);
  return source ? `: ${escapeMarkdown(source.text, 80)}` : ' (not listed)';
}

/** The hover card of a cited or listed source, as Markdown: its entry (escaped), how often it is cited, where it is listed. */
export function sourceHoverMarkdown(briefing: Briefing, found: SourceAt, documentUri: string, lineTarget: LineTarget): string {
  const label = escapeMarkdown(`[${found.id}]`);
  const count = citationsOf(briefing, found.id).length;
  const cited = `${count === 0 ? 'Not cited' : `Cited ${count} ${count === 1 ? 'time' : 'times'}`} in this briefing`;
  const { source } = found;
  if (!source) return [`**${label}** · Source`, '', `Not listed: add a line ${escapeMarkdown(`- [${found.id}] …`)} under Sources.`, '', cited].join('\n');
  const line = source.labelRange.start.line;
  return [
    `**${label}** · Source`,
    '',
    source.text ? escapeMarkdown(source.text, 500) : '*(no text after the label)*',
    '',
    ...(source.grade ? [`Graded ${source.grade}: ${gradeMeaning(source.grade)}`, ''] : []),
    cited,
    '',
    `Listed on ${lineLink(`line ${line + 1}`, documentUri, line, lineTarget)}`,
  ].join('\n');
}
