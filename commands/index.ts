import type { CommandDef } from "../src/core/command.js";
import bang from "./bang.js";
import capnhat from "./capnhat.js";
import cauhoi from "./cauhoi.js";
import dangky from "./dangky.js";
import giaidap from "./giaidap.js";
import help from "./help.js";
import hoi from "./hoi.js";
import lich from "./lich.js";
import moi from "./moi.js";
import nhac from "./nhac.js";
import start from "./start.js";
import thuhoi from "./thuhoi.js";
import tinhhinh from "./tinhhinh.js";
import toi from "./toi.js";
import tonghop from "./tonghop.js";
import traloi from "./traloi.js";
import tt from "./tt.js";
import viec from "./viec.js";
import xemthem from "./xemthem.js";

/**
 * The one command registry. It drives routing, /help and Telegram's command menu.
 * Order is the order shown to users.
 */
export const commands: readonly CommandDef[] = [start, hoi, lich, help, toi, dangky, moi, thuhoi, viec, capnhat, nhac, tonghop, bang, tinhhinh, traloi, cauhoi, giaidap, tt, xemthem] as CommandDef[];
