/** Where missions live: this browser's IndexedDB (one record per mission, the mission file itself, keyed
 * by its ID), the same for every language of the site and for the offline bundle. Which mission is
 * current, its title (for the header of every page) and the assessor's name are in localStorage. */

const DATABASE = "tiptoolkit";
const MISSIONS = "missions";
export const CURRENT = "tiptoolkit.mission";  // the current mission's ID
export const CURRENT_TITLE = "tiptoolkit.mission.title";  // read by every page's header (toolkit.js)
const ASSESSOR = "tiptoolkit.assessor";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) { reject(new Error("no IndexedDB")); return; }
    const req = indexedDB.open(DATABASE, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(MISSIONS, { keyPath: "mission.id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error("IndexedDB blocked by another tab"));
  });
}

/** The store: `durable` false when this browser keeps nothing (then missions live in memory only). */
export async function openStore() {
  let db = null;
  try { db = await openDatabase(); } catch { db = null; }
  const memory = new Map();
  const tx = (mode) => db.transaction(MISSIONS, mode).objectStore(MISSIONS);
  return {
    durable: db !== null,
    async list() {
      const all = db ? await request(tx("readonly").getAll()) : [...memory.values()];
      return all.sort((a, b) => b.saved.localeCompare(a.saved));
    },
    async get(id) { return db ? (await request(tx("readonly").get(id))) ?? null : memory.get(id) ?? null; },
    async put(file) {
      if (db) await request(tx("readwrite").put(file));
      else memory.set(file.mission.id, structuredClone(file));
    },
    async remove(id) {
      if (db) await request(tx("readwrite").delete(id));
      else memory.delete(id);
    },
  };
}

function local(action) {
  try { return action(localStorage); } catch { return null; }  // storage refused: nothing remembered
}

export const current = {
  id: () => local((s) => s.getItem(CURRENT)),
  set(file) {
    local((s) => {
      if (file) { s.setItem(CURRENT, file.mission.id); s.setItem(CURRENT_TITLE, file.mission.title); }
      else { s.removeItem(CURRENT); s.removeItem(CURRENT_TITLE); }
    });
  },
};

export const assessor = {
  get: () => local((s) => s.getItem(ASSESSOR)) || "",
  set: (name) => local((s) => s.setItem(ASSESSOR, name)),
};

/** Ask the browser to keep this site's storage: "granted", "refused" or "none" (no storage at all). */
export async function persistence(store) {
  if (!store.durable) return "none";
  const storage = navigator.storage;
  if (!storage || !storage.persist) return "refused";
  try {
    return (await storage.persisted()) || (await storage.persist()) ? "granted" : "refused";
  } catch {
    return "refused";
  }
}
