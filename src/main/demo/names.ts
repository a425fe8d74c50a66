import type { Random } from './random'

/** Name pools. Place names are in the style of a Shenzhen outer district; none is an address. */
const split = (s: string): string[] => s.split(/\s+/).filter(Boolean)

export const DISTRICT_NAME = '光明区'

const streetStems = split('凤凰 玉塘 马田 新湖 公明 光明 翠湖 云谷 华夏 锦湖 鹏程 长圳')

const communityStems = split(`
  东坑 翠湖 白花 圳美 碧眼 甲子塘 塘家 上村 下村 合水口 李松蓢 西田 根竹园 将石 薯田埔 楼村
  红星 东周 木墩 长圳 田寮 玉律 茨田埔 迳口 新羌 红花山 塘尾 南庄 马山头 石围 围肚 上石家
  下石家 塘下涌 罗田 横坑 章阁 黄麻布 鹅颈 尖岗 大围 田心 松白 石龙 新围 凤新 羌下 高坡`)

export const roadNames = split(`
  光明大道 华夏路 观光路 公常路 东长路 光侨路 龙大高速 南光高速 松白路 光辉大道 科裕路 圳园路
  河心路 塘明大道 长凤路 光源路 邦凯路 创投路 双明大道 牛山路 碧眼路 明园路 高新西路 新城大道`)

export const estateStems = split('锦绣 碧水 翠林 金色 阳光 龙湾 福泽 丽景 华盛 天汇 嘉园 雍景 怡景 盛世 名城 荔园')
export const estateSuffixes = split('花园 苑 华庭 家园 新城 雅居 府 公馆')
export const companyStems = split('宏达 精工 华科 创维 鑫源 永利 恒通 联发 金泰 新辉 兴业 嘉信 众成 佳能 汇川 国华')

// The common surnames, most frequent first (Zipf-weighted when drawn).
const surnames = split(`
  王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 邓 冯 曹
  彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖
  石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵`)
const givenChars = split(`
  伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 建 文 辉 力
  鹏 飞 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 欣 佳 颖 婷 雪 琳 晨 瑶 怡 梅 海 波 峰 志 鑫 东 亮
  春 晓 慧 丹 蕾 倩 宏 荣 淑 嘉 子 思 雨 诗 梓 睿 晴 航 博 昊 然 一 泽 铭 彤 欢 城 振 永 国`)

const surnameWeights = surnames.map((_, i) => 1 / (i + 4))
const surnameTotal = surnameWeights.reduce((a, b) => a + b, 0)

/** A person's name: surname plus one or (more often) two given-name characters. */
export function personName(rng: Random): string {
  let r = rng.float() * surnameTotal
  let i = 0
  while (i < surnames.length - 1 && (r -= surnameWeights[i]!) > 0) i++
  const given = rng.chance(0.3) ? rng.pick(givenChars) : rng.pick(givenChars) + rng.pick(givenChars)
  return surnames[i]! + given
}

const mobilePrefixes = split('134 135 136 137 138 139 150 151 152 158 159 182 186 187 188 189 199')

/** A mobile number in the form of a mainland one (fictional; unique within `used`). */
export function phoneNumber(rng: Random, used: Set<string>): string {
  for (;;) {
    const n = rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0')
    if (!used.has(n)) {
      used.add(n)
      return n
    }
  }
}

/** `count` distinct names from a pool, in an order fixed by the seed. */
function distinct(rng: Random, pool: readonly string[], count: number, suffix: string): string[] {
  if (count > pool.length) throw new RangeError(`name pool holds ${pool.length} names, ${count} needed`)
  return rng
    .shuffle([...pool])
    .slice(0, count)
    .map((s) => s + suffix)
}

export const streetNames = (rng: Random, count: number): string[] => distinct(rng, streetStems, count, '街道')
export const communityNames = (rng: Random, count: number): string[] => distinct(rng, communityStems, count, '社区')
export const gridName = (communityName: string, seq: number): string => `${communityName}第${seq}网格`
