import type { OffsetFix } from '../model/diagnosticSink';
import type { Coordinates } from '../model/types';
import { isSeq, nodeSpan, scalarValue, type YamlScope } from './yamlSource';

const SHAPE = `'coordinates' must be [latitude, longitude] in decimal degrees, such as [43.1155, 131.8855]`;
/** Two numbers written as text, as they are often pasted: `43.1155, 131.8855`. */
const TWO_NUMBERS = /^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$/;

const inRange = (latitude: number, longitude: number) => Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;

/**
 * Reads an entry's `coordinates:` (format v1.1): `[latitude, longitude]`, two numbers in range.
 * Anything else is an Error and gives no coordinates: a point is never guessed. A fix is offered
 * only where the meaning is certain: the two numbers written as text, or written in the other
 * order (a longitude out of a latitude's range, both in range the other way round).
 */
export function readCoordinates(node: unknown, [start, end]: [number, number], scope: YamlScope): Coordinates | undefined {
  const written = scalarValue(node);
  if (written === null) return undefined;
  const fail = (message: string, fix?: OffsetFix) => scope.sink.add(start, Math.max(end, start + 1), 'error', 'invalid-coordinates', message, fix);
  if (!isSeq(node)) {
    const parts = typeof written === 'string' ? TWO_NUMBERS.exec(written) : null;
    fail(SHAPE, parts ? { title: `Write [${parts[1]}, ${parts[2]}]`, edits: [{ start, end, newText: `[${parts[1]}, ${parts[2]}]` }] } : undefined);
    return undefined;
  }
  const numbers = node.items.map(scalarValue);
  if (numbers.length !== 2 || !numbers.every((value): value is number => typeof value === 'number' && Number.isFinite(value))) {
    fail(SHAPE);
    return undefined;
  }
  const [latitude, longitude] = numbers;
  if (inRange(latitude, longitude)) return [latitude, longitude];
  if (inRange(longitude, latitude)) {
    const [first, second] = node.items.map((item) => nodeSpan(item as never, scope, start));
    const text = scope.sink.text;
    fail(`Latitude ${latitude} is out of range (−90 to 90): written as [longitude, latitude]? The order is [latitude, longitude]`, {
      title: 'Swap latitude and longitude',
      edits: [
        { start: first[0], end: first[1], newText: text.slice(second[0], second[1]) },
        { start: second[0], end: second[1], newText: text.slice(first[0], first[1]) },
      ],
    });
    return undefined;
  }
  fail(Math.abs(latitude) > 90 ? `Latitude ${latitude} is out of range (−90 to 90)` : `Longitude ${longitude} is out of range (−180 to 180)`);
  return undefined;
}
