import type { z } from 'zod';
import type {
  ZBinding,
  ZBuilding,
  ZBuildingGenerate,
  ZBuildingGrid,
  ZBuildingPreview,
  ZFacility,
  ZFacilityCreate,
  ZFacilityUpdate,
  ZOccupancy,
  ZOwnershipTransfer,
  ZParkingCreate,
  ZParkingSpace,
  ZParkingUpdate,
  ZPerson,
  ZPersonCreate,
  ZRoomDetail,
  ZRoomListItem,
  ZRoomResident,
  ZRoomResidentAdd,
  ZRoomStatusChange,
  ZRoomStatusPeriod,
  ZRoomUpdate,
  ZVehicle,
  ZVehicleCreate,
  ZVehicleUpdate,
} from '@wuye/shared';

// Type-only imports of the shared contracts: the web bundle gets their shapes without zod itself.
export type Building = z.infer<typeof ZBuilding>;
export type BuildingGrid = z.infer<typeof ZBuildingGrid>;
export type GridRoom = BuildingGrid['units'][number]['floors'][number]['rooms'][number];
export type BuildingGenerate = z.input<typeof ZBuildingGenerate>;
export type BuildingPreview = z.infer<typeof ZBuildingPreview>;
export type Occupancy = z.infer<typeof ZOccupancy>;

/** a row of the rooms list, with its current owner */
export type Room = z.infer<typeof ZRoomListItem>;
export type RoomDetail = z.infer<typeof ZRoomDetail>;
export type RoomStatus = Room['status'];
export type RoomType = Room['type'];
export type RoomUpdate = z.input<typeof ZRoomUpdate>;
export type RoomStatusChange = z.input<typeof ZRoomStatusChange>;
export type RoomStatusPeriod = z.infer<typeof ZRoomStatusPeriod>;

export type Person = z.infer<typeof ZPerson>;
export type PersonCreate = z.input<typeof ZPersonCreate>;
export type RoomResident = z.infer<typeof ZRoomResident>;
export type Relation = RoomResident['relation'];
export type RoomResidentAdd = z.input<typeof ZRoomResidentAdd>;
export type OwnershipTransfer = z.input<typeof ZOwnershipTransfer>;

export type ParkingSpace = z.infer<typeof ZParkingSpace>;
export type ParkingCreate = z.input<typeof ZParkingCreate>;
export type ParkingUpdate = z.input<typeof ZParkingUpdate>;
export type ParkingType = ParkingSpace['type'];
export type Facility = z.infer<typeof ZFacility>;
export type FacilityCreate = z.input<typeof ZFacilityCreate>;
export type FacilityUpdate = z.input<typeof ZFacilityUpdate>;
export type FacilityCategory = Facility['category'];

export type Vehicle = z.infer<typeof ZVehicle>;
export type VehicleCreate = z.input<typeof ZVehicleCreate>;
export type VehicleUpdate = z.input<typeof ZVehicleUpdate>;
export type Binding = z.infer<typeof ZBinding>;
export type BindingStatus = Binding['status'];

/** Active or archived: parking spaces, facilities and vehicles. */
export type PlaceStatus = ParkingSpace['status'];
