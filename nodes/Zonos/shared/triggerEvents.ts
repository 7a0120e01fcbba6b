/**
 * What every trigger of the package shares about its events: the name the canvas shows for an
 * event, taken from the event's option in the node's picker (never a second list to keep in step).
 */

/** An option's name in merchant words for the canvas: "Order Status Changed" → "Order status changed". */
export const canvasName = (name: string) => name.charAt(0) + name.slice(1).toLowerCase();
