/** documents: the markdown the remark tests run errgen's plugin on. */

/** A document with a code of the wrong kind and a duplicate code. */
export const badDocument = '# Errors\n\n| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 400 | 1000 | *bad* | Fix it. |\n| 400 | 10O1 | *worse* | Fix it. |\n| 401 | 1000 | *again* | Fix it. |\n'
