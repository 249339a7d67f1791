// Splitting typed pinyin ("gongjijin", "shebao") into syllables, so it can be matched syllable by syllable against
// the pinyin of item names. The table is every toneless Mandarin syllable (ü written v, as phone keyboards do, plus
// the common "lue"/"nue" spellings); interjection-only readings (m, n, ng, hng) are left out because they would let
// strings of initials such as "sfz" pass for pinyin.
const SYLLABLE_TABLE = [
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen',
  'ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong',
  'cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui',
  'dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua',
  'guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji',
  'jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua',
  'kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long',
  'lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na',
  'nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo nv nve o ou pa',
  'pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong',
  'qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen',
  'seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song',
  'sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa',
  'wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao',
  'ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe',
  'zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo',
].join(' ')

const SYLLABLES = new Set(SYLLABLE_TABLE.split(' '))
const LONGEST = 6
const PREFIXES = new Set(Array.from(SYLLABLES).flatMap((syllable) => Array.from({ length: syllable.length }, (_, i) => syllable.slice(0, i + 1))))

export interface Syllabified {
  syllables: string[]
  /** The last piece is only the start of a syllable (someone still typing: "gongj"). */
  partialLast: boolean
}

/**
 * The fewest syllables that spell `letters` exactly ("xian" is one syllable, not xi + an), or null when it is not
 * pinyin. With `allowPartialLast`, the final piece may be the start of a syllable.
 */
export function syllabify(letters: string, allowPartialLast = false): Syllabified | null {
  const n = letters.length
  if (n === 0 || !/^[a-z]+$/.test(letters)) return null
  // best[i]: the fewest syllables spelling letters[0, i); prev[i] where the last of them starts.
  const best = new Array<number>(n + 1).fill(Infinity)
  const prev = new Array<number>(n + 1).fill(-1)
  best[0] = 0
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue
    for (let len = 1; len <= LONGEST && i + len <= n; len++) {
      if (SYLLABLES.has(letters.slice(i, i + len)) && best[i] + 1 < best[i + len]) {
        best[i + len] = best[i] + 1
        prev[i + len] = i
      }
    }
  }
  if (best[n] !== Infinity) return { syllables: backtrack(letters, prev, n), partialLast: false }
  if (!allowPartialLast) return null
  for (let start = n - 1; start >= Math.max(0, n - LONGEST); start--) {
    if (best[start] !== Infinity && PREFIXES.has(letters.slice(start))) {
      return { syllables: [...backtrack(letters, prev, start), letters.slice(start)], partialLast: true }
    }
  }
  return null
}

function backtrack(letters: string, prev: number[], end: number): string[] {
  const syllables: string[] = []
  for (let i = end; i > 0; i = prev[i]) syllables.unshift(letters.slice(prev[i], i))
  return syllables
}
